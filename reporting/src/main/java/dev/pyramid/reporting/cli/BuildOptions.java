package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.stamp.BuildIdentity;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --commit} and {@code --build-id}: the build a command acts for, resolved the same way by
 * every command that takes them (explicit values, then the CI's variables, then {@code git
 * rev-parse HEAD}).
 */
final class BuildOptions {

  @Option(
      names = "--commit",
      paramLabel = "SHA",
      description =
          "The commit (default: GITHUB_SHA, CI_COMMIT_SHA, GIT_COMMIT, else git rev-parse HEAD).")
  private String commit;

  @Option(
      names = "--build-id",
      paramLabel = "ID",
      description = "The build (default: GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_ID).")
  private String buildId;

  /**
   * The build these options name, completed from the process environment and the working
   * directory's git.
   */
  BuildIdentity resolve() throws BuildIdentity.UnresolvedException {
    return BuildIdentity.resolve(commit, buildId, System.getenv(), Path.of("."));
  }
}
