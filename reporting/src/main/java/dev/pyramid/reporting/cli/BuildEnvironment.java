package dev.pyramid.reporting.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the Allure report's Environment section shows: stage, level, commit (when known), Java. */
final class BuildEnvironment {

  private static final List<String> COMMIT_VARIABLES =
      List.of("GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA");

  private BuildEnvironment() {}

  static Map<String, String> of(String stage, String level, List<Path> roots) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("stage", stage);
    environment.put("level", level);
    commit(roots).ifPresent(commit -> environment.put("commit", commit));
    environment.put("java.version", System.getProperty("java.version"));
    environment.put("java.vendor", System.getProperty("java.vendor"));
    return environment;
  }

  /** From the CI's variable, else read from the first root's .git (no git process needed). */
  private static Optional<String> commit(List<Path> roots) {
    for (String variable : COMMIT_VARIABLES) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    for (Path root : roots) {
      Path git = root.resolve(".git");
      try {
        String head = Files.readString(git.resolve("HEAD")).strip();
        if (!head.startsWith("ref: ")) {
          return Optional.of(head);
        }
        String ref = head.substring("ref: ".length());
        Path loose = git.resolve(ref);
        if (Files.isRegularFile(loose)) {
          return Optional.of(Files.readString(loose).strip());
        }
        Path packed = git.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
          for (String line : Files.readAllLines(packed)) {
            if (line.endsWith(" " + ref)) {
              return Optional.of(line.substring(0, line.indexOf(' ')));
            }
          }
        }
      } catch (IOException e) {
        // Not a git checkout (or unreadable): the commit is simply unknown.
      }
    }
    return Optional.empty();
  }
}
