package dev.pyramid.maven;

import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.results.Layer;
import java.io.File;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The checks that need the policy read (in Maven's JVM: a small file), so that an unknown stage or
 * lane fails before the gate's JVM starts, with the values the policy allows.
 */
final class PolicyChecks {

  private PolicyChecks() {}

  /** The policy in {@code file}, or a failure naming the parameter and the policy's own error. */
  static Policy read(File file) throws MojoExecutionException {
    AbstractPyramidMojo.requireFile(
        file,
        "policy",
        "pyramid.policy",
        "policy file",
        "point -Dpyramid.policy=FILE at the promotion policy (quality-gate.yml, README: The"
            + " promotion gate), or write one there.");
    try {
      return new PolicyReader().read(file.toPath());
    } catch (PolicyException e) {
      throw AbstractPyramidMojo.wrong(
          "policy",
          "pyramid.policy",
          "The policy " + file.getAbsolutePath() + " is not valid: " + e.getMessage(),
          "correct the file where the message says.");
    }
  }

  /** Fails unless {@code stage} is on the policy's promotion path. */
  static void stage(Policy policy, String stage) throws MojoExecutionException {
    if (stage == null || stage.isBlank()) {
      throw AbstractPyramidMojo.wrong(
          "stage",
          "pyramid.stage",
          "No stage given",
          "-Dpyramid.stage= one of " + String.join(", ", policy.path()) + ".");
    }
    if (!policy.path().contains(stage)) {
      throw AbstractPyramidMojo.wrong(
          "stage",
          "pyramid.stage",
          "Unknown stage \""
              + stage
              + "\": the promotion path of "
              + policy.source()
              + " is "
              + policy.path(),
          "-Dpyramid.stage= one of " + String.join(", ", policy.path()) + ".");
    }
  }

  /** Fails unless the policy has {@code lane}. */
  static void lane(Policy policy, String lane) throws MojoExecutionException {
    if (lane == null || policy.lane(lane).isEmpty()) {
      String lanes = String.join(", ", new TreeSet<>(policy.lanes().keySet()));
      throw AbstractPyramidMojo.wrong(
          "lane",
          "pyramid.lane",
          "Unknown lane \"" + lane + "\": " + policy.source() + " has " + lanes,
          "-Dpyramid.lane= one of " + lanes + ".");
    }
  }

  /** Fails unless every name in {@code layers} (comma-separated) is a layer or {@code all}. */
  static void layers(String layers) throws MojoExecutionException {
    String given = layers == null ? "" : layers.strip();
    if (given.isEmpty()) {
      throw AbstractPyramidMojo.wrong(
          "layers", "pyramid.level", "No layers given", "-Dpyramid.level=all (the whole stage).");
    }
    for (String name : given.split(",")) {
      String id = name.strip().toLowerCase(Locale.ROOT);
      if (!id.equals("all") && Layer.byId(id).isEmpty()) {
        throw AbstractPyramidMojo.wrong(
            "layers",
            "pyramid.level",
            "Unknown layer \"" + name.strip() + "\" in \"" + layers + "\"",
            "use unit, contract, e2e, ui, perf (comma-separated) or all.");
      }
    }
  }
}
