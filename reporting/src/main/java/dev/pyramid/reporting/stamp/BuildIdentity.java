package dev.pyramid.reporting.stamp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build that results belong to: a commit and a build id (a CI run, pipeline or job number).
 *
 * <p>Resolved from explicit values first, then from the CI's variables ({@code GITHUB_SHA}/{@code
 * GITHUB_RUN_ID}, {@code CI_COMMIT_SHA}/{@code CI_PIPELINE_ID}, {@code GIT_COMMIT}/{@code
 * BUILD_ID}), and for the commit, last, from {@code git rev-parse HEAD}.
 */
public record BuildIdentity(String commit, String buildId) {

  private static final List<String> COMMIT_VARIABLES =
      List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT");
  private static final List<String> BUILD_VARIABLES =
      List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_ID");

  /** {@code commit} or {@code buildId} could not be resolved; the message says what to pass. */
  public static final class UnresolvedException extends Exception {
    private static final long serialVersionUID = 1L;

    UnresolvedException(String message) {
      super(message);
    }
  }

  /**
   * Resolves the identity of this build.
   *
   * @param commit explicit commit, or null/blank to look it up
   * @param buildId explicit build id, or null/blank to look it up
   * @param environment the process environment (a parameter so tests can pass their own)
   * @param workingDirectory where {@code git rev-parse HEAD} runs
   */
  public static BuildIdentity resolve(
      String commit, String buildId, Map<String, String> environment, Path workingDirectory)
      throws UnresolvedException {
    String resolvedCommit =
        given(commit)
            .or(() -> first(COMMIT_VARIABLES, environment))
            .or(() -> gitHead(workingDirectory))
            .orElseThrow(
                () ->
                    new UnresolvedException(
                        "no commit: pass --commit SHA (none of "
                            + COMMIT_VARIABLES
                            + " is set and `git rev-parse HEAD` gave nothing)"));
    String resolvedBuild =
        given(buildId)
            .or(() -> first(BUILD_VARIABLES, environment))
            .orElseThrow(
                () ->
                    new UnresolvedException(
                        "no build id: pass --build-id ID (none of "
                            + BUILD_VARIABLES
                            + " is set)"));
    return new BuildIdentity(resolvedCommit, resolvedBuild);
  }

  @Override
  public String toString() {
    return "commit " + commit + ", build " + buildId;
  }

  // equals and hashCode written out: a record's generated ones are bootstrapped through method
  // handles on
  // their first call, and the gate's first call comes after the evidence is read, where nothing
  // else runs.
  @Override
  public boolean equals(Object other) {
    return other instanceof BuildIdentity that
        && java.util.Objects.equals(commit, that.commit)
        && java.util.Objects.equals(buildId, that.buildId);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hashCode(commit) + java.util.Objects.hashCode(buildId);
  }

  private static Optional<String> given(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<String> first(List<String> variables, Map<String, String> environment) {
    return variables.stream()
        .map(environment::get)
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .findFirst();
  }

  private static Optional<String> gitHead(Path workingDirectory) {
    return Git.output(workingDirectory, "rev-parse", "HEAD")
        .filter(out -> out.matches("[0-9a-f]{7,64}"));
  }
}
