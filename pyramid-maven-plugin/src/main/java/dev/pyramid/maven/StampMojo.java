package dev.pyramid.maven;

import java.io.File;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Binds each result root to the build that produced it ({@code pyramid stamp}): its stamp and the
 * SHA-256 of the files the policy's sources name. Run it after the layers wrote their results and
 * before the {@code gate} goal, which refuses a root stamped for another build and any file changed
 * since.
 */
@Mojo(name = "stamp", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class StampMojo extends AbstractPyramidMojo {

  /**
   * The result roots to stamp, each on its own. Comma-separated; a relative one is taken from the
   * project folder.
   */
  @Parameter(property = "pyramid.results", defaultValue = "${project.basedir}")
  String results;

  /** Cover only the result files this policy's sources name; unset: every file below a root. */
  @Parameter(property = "pyramid.policy")
  File policy;

  /** The build's commit; unset: GITHUB_SHA, CI_COMMIT_SHA, GIT_COMMIT, else git rev-parse HEAD. */
  @Parameter(property = "pyramid.commit")
  String commit;

  /** The build; unset: GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_ID. The gate must name the same. */
  @Parameter(property = "pyramid.build.id")
  String buildId;

  /**
   * Leave out files last modified before this instant (e.g. {@code 2026-11-26T13:00:00Z}, the
   * build's start): results of an earlier build, which the gate then refuses. Empty keeps all.
   */
  @Parameter(property = "pyramid.stamp.not-before")
  String notBefore;

  /** Skip the stamp (the same property skips the gate). */
  @Parameter(property = "pyramid.gate.skip", defaultValue = "false")
  boolean skip;

  /** The result roots {@link #results} names. */
  List<File> roots() {
    return roots(results, workingDirectory);
  }

  @Override
  boolean skipped() {
    return skip;
  }

  @Override
  String skipProperty() {
    return "pyramid.gate.skip";
  }

  @Override
  void check() throws MojoExecutionException {
    requireFolders(
        roots(),
        "results",
        "pyramid.results",
        "point -Dpyramid.results at the folders the layers wrote their results to (comma-separated).");
    if (policy != null) {
      PolicyChecks.read(policy);
    }
    if (notBefore != null && !notBefore.isBlank()) {
      try {
        Instant.parse(notBefore.strip());
      } catch (DateTimeParseException e) {
        throw wrong(
            "notBefore",
            "pyramid.stamp.not-before",
            "\"" + notBefore + "\" is not an instant",
            "give one such as 2026-11-26T13:00:00Z (UTC), or leave it empty to keep every file.");
      }
    }
  }

  /** The {@code pyramid stamp} arguments for one root. */
  List<String> arguments(File root) {
    List<String> arguments = new ArrayList<>(List.of("stamp", "--dir", root.toString()));
    option(arguments, "--policy", policy);
    option(arguments, "--commit", commit);
    option(arguments, "--build-id", buildId);
    option(arguments, "--not-before", notBefore == null ? null : notBefore.strip());
    return arguments;
  }

  @Override
  void run() throws MojoExecutionException {
    for (File root : roots()) {
      PyramidJvm.Outcome outcome = fork(List.of(), arguments(root));
      if (outcome.exitCode() != 0) {
        throw new MojoExecutionException(
            "Cannot stamp "
                + root
                + ": "
                + (outcome.err().isEmpty()
                    ? "exit code " + outcome.exitCode()
                    : String.join(" ", outcome.err())));
      }
    }
  }
}
