package dev.pyramid.reporting.allure;

import dev.pyramid.reporting.internal.files.RegularFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Gathers the Allure results of a build into one directory: copies the files of every {@code
 * target/allure-results/} under the result roots (not in {@link RegularFiles#NOT_BUILD_OUTPUT}
 * folders, nor in a build folder inside another: {@link RegularFiles#isNestedBuildFolder}), adds
 * one result per failed Pact interaction ({@link PactMismatches}), groups every result by layer and
 * feature and marks reruns flaky ({@link ResultLabels}), then writes {@code environment.properties}
 * (with {@link ReportEnvironment}'s versions), {@code executor.json} and {@code categories.json}
 * ({@link Categories}).
 *
 * <p>Allure names results by UUID, so files of different modules do not collide; each module's own
 * {@code environment.properties}, {@code categories.json} and {@code executor.json} are not copied
 * because the aggregate writes its own. The destination itself is skipped when it lies under a
 * root.
 */
final class AllureAggregation {

  private static final Set<String> NOT_SEARCHED = RegularFiles.NOT_BUILD_OUTPUT;
  private static final Set<String> PER_REPORT_FILES =
      Set.of("environment.properties", "categories.json", "executor.json");

  /**
   * Copies every module's results under {@code roots} into {@code destination} and writes the
   * report-wide files.
   *
   * @param environment entries for environment.properties, e.g. stage, level, commit, Java version;
   *     tool versions and the PostgreSQL provider are added
   * @return the result directories copied from
   */
  public List<Path> aggregate(List<Path> roots, Path destination, Map<String, String> environment)
      throws IOException {
    return aggregate(roots, destination, environment, System.getenv());
  }

  /**
   * As {@link #aggregate(List, Path, Map)}, with {@code variables} in place of the process
   * environment for {@code executor.json}.
   */
  public List<Path> aggregate(
      List<Path> roots,
      Path destination,
      Map<String, String> environment,
      Map<String, String> variables)
      throws IOException {
    Path target = destination.toAbsolutePath().normalize();
    Files.createDirectories(target);
    List<Path> sources = new ArrayList<>();
    for (Path root : roots) {
      sources.addAll(resultDirectories(root.toAbsolutePath().normalize(), target));
    }
    for (Path source : sources) {
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file)
              && !PER_REPORT_FILES.contains(file.getFileName().toString())) {
            Files.copy(
                file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    PactMismatches.write(roots, target);
    ResultLabels.complete(target, FlakyTests.under(roots));
    Map<String, String> entries = new LinkedHashMap<>(environment);
    ReportEnvironment.of(roots).forEach(entries::putIfAbsent);
    writeEnvironment(target.resolve("environment.properties"), entries);
    ReportEnvironment.writeExecutor(target.resolve("executor.json"), variables);
    Files.writeString(target.resolve("categories.json"), Categories.json());
    return sources;
  }

  private static List<Path> resultDirectories(Path root, Path destination) throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root)
                && (NOT_SEARCHED.contains(dir.getFileName().toString())
                    || RegularFiles.isNestedBuildFolder(
                        root.relativize(dir.getParent()).toString().replace('\\', '/'),
                        dir.getFileName().toString()))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (dir.getFileName() != null
                && dir.getFileName().toString().equals("allure-results")
                && dir.getParent() != null
                && dir.getParent().getFileName().toString().equals("target")) {
              if (!dir.equals(destination)) {
                found.add(dir);
              }
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return found;
  }

  private static void writeEnvironment(Path file, Map<String, String> environment)
      throws IOException {
    StringBuilder text = new StringBuilder();
    environment.forEach(
        (key, value) -> text.append(escape(key)).append('=').append(escape(value)).append('\n'));
    Files.writeString(file, text.toString());
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=").replace(":", "\\:");
  }
}
