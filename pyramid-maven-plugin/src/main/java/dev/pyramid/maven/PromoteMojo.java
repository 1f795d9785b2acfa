package dev.pyramid.maven;

import dev.pyramid.reporting.policy.Policy;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Records in the history that this build reached a stage ({@code pyramid promote}). Refused (the
 * build fails) unless the history holds the gate's PROMOTE decision for this build and stage, or
 * MANUAL_APPROVAL with {@link #approvedBy}, and the build reached the stage before on the path. Not
 * bound to a phase: a deployment pipeline calls it, {@code mvn pyramid:promote
 * -Dpyramid.stage=staging}.
 */
@Mojo(name = "promote", threadSafe = true, requiresProject = false)
public class PromoteMojo extends AbstractPyramidMojo {

  /** The stage the build reached: one on the policy's promotion path. */
  @Parameter(property = "pyramid.stage", required = true)
  String stage;

  /** The promotion policy. */
  @Parameter(property = "pyramid.policy", defaultValue = "${project.basedir}/quality-gate.yml")
  File policy;

  /** The history of decisions and promotions. */
  @Parameter(
      property = "pyramid.history",
      defaultValue = "${project.basedir}/.pyramid/history.jsonl")
  File history;

  /** Who approved a MANUAL_APPROVAL decision; recorded with the promotion. */
  @Parameter(property = "pyramid.approved-by")
  String approvedBy;

  /**
   * Where the policy's deployed: globs (API documents, pacts, artifacts) are matched, kept as what
   * the stage runs.
   */
  @Parameter(property = "pyramid.promote.from", defaultValue = "${project.basedir}")
  File from;

  /** The build's commit; unset: GITHUB_SHA, CI_COMMIT_SHA, GIT_COMMIT, else git rev-parse HEAD. */
  @Parameter(property = "pyramid.commit")
  String commit;

  /** The build; unset: GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_ID. */
  @Parameter(property = "pyramid.build.id")
  String buildId;

  @Override
  boolean skipped() {
    return false;
  }

  @Override
  String skipProperty() {
    return "";
  }

  @Override
  void check() throws MojoExecutionException {
    Policy read = PolicyChecks.read(policy);
    PolicyChecks.stage(read, stage);
    requireFile(
        history,
        "history",
        "pyramid.history",
        "history",
        "point -Dpyramid.history at the file the gate appended its decision to.");
  }

  /** The {@code pyramid promote} arguments. */
  List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of("promote", "--stage", stage));
    option(arguments, "--policy", policy);
    option(arguments, "--history", history);
    option(arguments, "--approved-by", approvedBy);
    option(arguments, "--from", from);
    option(arguments, "--commit", commit);
    option(arguments, "--build-id", buildId);
    return arguments;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    PyramidJvm.Outcome outcome = fork(List.of(), arguments());
    switch (outcome.exitCode()) {
      case 0 -> {}
      case 1 ->
          throw new MojoFailureException(
              "Promotion to " + stage + " refused: " + String.join(" ", outcome.err()));
      default ->
          throw new MojoExecutionException(
              "Promotion to " + stage + " not recorded: " + String.join(" ", outcome.err()));
    }
  }
}
