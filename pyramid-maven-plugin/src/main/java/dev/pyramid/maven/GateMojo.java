package dev.pyramid.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.reporting.policy.Policy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Decides whether this build may be promoted to a stage ({@code pyramid gate}): writes
 * decision.json, decision.md and decision-junit.xml, appends the decision to the history and, with
 * {@link #allureReport}, generates the Allure report (also when the gate blocks). The build fails
 * unless the gate promotes (or, with {@link #layers}, the level's layers pass): exit 1 BLOCK, 2
 * INCOMPLETE and 4 MANUAL_APPROVAL fail it with the gate's one-line verdict, 3 (a usage or policy
 * error) with the gate's message.
 *
 * <p>The gate runs in a JVM of its own with the options of the {@code pyramid} launcher (the serial
 * collector, compiler directives, a class-data archive): its speed at 100,000 results, and none of
 * its memory in Maven's JVM. {@code jvmArgs} adds options.
 */
@Mojo(name = "gate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class GateMojo extends AbstractPyramidMojo {

  /** The stage to decide for: one on the policy's promotion path (dev, staging, production). */
  @Parameter(property = "pyramid.stage", required = true)
  String stage;

  /** The promotion policy. */
  @Parameter(property = "pyramid.policy", defaultValue = "${project.basedir}/quality-gate.yml")
  File policy;

  /**
   * The result roots, each stamped for this build (the {@code stamp} goal); several merge as one
   * build's (CI jobs, shards). Comma-separated; a relative one is taken from the project folder.
   */
  @Parameter(property = "pyramid.results", defaultValue = "${project.basedir}")
  String results;

  /**
   * Decide only these layers (unit, contract, e2e, ui, perf; comma-separated): a level run, not a
   * promotion decision. {@code all} decides the whole stage. The level profiles set it.
   */
  @Parameter(property = "pyramid.level", defaultValue = "all")
  String layers;

  /** The policy lane: default, or another the policy defines (hotfix). */
  @Parameter(property = "pyramid.lane", defaultValue = "default")
  String lane;

  /** Where decision.json, decision.md and decision-junit.xml go. */
  @Parameter(
      property = "pyramid.gate.out",
      defaultValue = "${project.build.directory}/quality-gate")
  File out;

  /** Quarantined tests; unset: quarantine.yml in the working directory when it exists. */
  @Parameter(property = "pyramid.quarantine")
  File quarantine;

  /**
   * The history of decisions and promotions: the gate appends to it and takes baselines from it.
   */
  @Parameter(
      property = "pyramid.history",
      defaultValue = "${project.basedir}/.pyramid/history.jsonl")
  File history;

  /** The build's commit; unset: GITHUB_SHA, CI_COMMIT_SHA, GIT_COMMIT, else git rev-parse HEAD. */
  @Parameter(property = "pyramid.commit")
  String commit;

  /** The build; unset: GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_ID. The stamp must name the same. */
  @Parameter(property = "pyramid.build.id")
  String buildId;

  /**
   * Where one Allure result per gate condition is written, and the build's Allure results gathered
   * for the report.
   */
  @Parameter(
      property = "pyramid.allure.results",
      defaultValue = "${project.build.directory}/allure-results")
  File allureResults;

  /** Where the Allure HTML report goes; unset: no report. */
  @Parameter(property = "pyramid.allure.report")
  File allureReport;

  /** An unpacked Allure 2 commandline; unset: the plugin unpacks its own (offline). */
  @Parameter(property = "pyramid.allure.home")
  File allureHome;

  /**
   * The Allure history (trends) kept between builds, one folder per level below it ({@code all},
   * {@code contract}, {@code unit+e2e}...): a level run never appears in the whole pyramid's trend.
   */
  @Parameter(
      property = "pyramid.allure.history",
      defaultValue = "${project.basedir}/.pyramid/allure-history")
  File allureHistory;

  /** Skip the gate (and, with the same property, the stamp). */
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
    Policy read = PolicyChecks.read(policy);
    PolicyChecks.stage(read, stage);
    PolicyChecks.lane(read, lane);
    PolicyChecks.layers(layers);
    requireFolders(
        roots(),
        "results",
        "pyramid.results",
        "point -Dpyramid.results at the folders the layers wrote their results to (comma-separated).");
    if (quarantine != null) {
      requireFile(
          quarantine,
          "quarantine",
          "pyramid.quarantine",
          "quarantine file",
          "point -Dpyramid.quarantine at the quarantine list, or leave it unset.");
    }
    checkAllureHome(allureHome, "pyramid.allure.home");
  }

  /** The {@code pyramid gate} arguments these parameters make; {@code home} null: no report. */
  List<String> arguments(Path home) {
    List<String> arguments = new ArrayList<>(List.of("gate", "--stage", stage));
    arguments.add("--layers");
    arguments.add(layers.strip());
    option(arguments, "--lane", lane);
    option(arguments, "--policy", policy);
    for (File root : roots()) {
      option(arguments, "--results", root);
    }
    option(arguments, "--out", out);
    option(arguments, "--history", history);
    option(arguments, "--quarantine", quarantine);
    option(arguments, "--commit", commit);
    option(arguments, "--build-id", buildId);
    option(arguments, "--allure-results", allureResults);
    if (allureReport != null) {
      option(arguments, "--allure-report", allureReport);
      option(arguments, "--allure-home", home);
    }
    return arguments;
  }

  /** The forked JVM's system properties: the level's Allure history folder. */
  List<String> properties() {
    return allureHistory == null
        ? List.of()
        : List.of(
            "-Dpyramid.allure.history="
                + AllureCommandline.historyOf(allureHistory.toPath(), layers));
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Path home = allureReport == null ? null : allureHome(allureHome, "pyramid.allure.home");
    if (allureHistory != null) {
      try {
        AllureCommandline.keepEarlierHistory(allureHistory.toPath());
        if (allureReport != null) {
          AllureCommandline.forgetOtherLevels(
              allureReport.toPath(), AllureCommandline.historyOf(allureHistory.toPath(), layers));
        }
      } catch (IOException e) {
        throw new MojoExecutionException(
            "Cannot prepare the Allure history in " + allureHistory + ": " + e.getMessage(), e);
      }
    }
    Path decision = out.toPath().resolve("decision.json");
    try {
      // An earlier run's verdict must never stand for this one's.
      Files.deleteIfExists(decision);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot remove the previous " + decision, e);
    }
    PyramidJvm.Outcome outcome = fork(properties(), arguments(home));
    verdict(outcome, summary(decision));
  }

  /**
   * Maps the gate's exit code to the build's result: 0 passes; 1, 2 and 4 fail with {@code summary}
   * (the verdict); 3 and anything else fail as an error with what the gate wrote on stderr.
   */
  static void verdict(PyramidJvm.Outcome outcome, String summary)
      throws MojoExecutionException, MojoFailureException {
    String line = summary != null ? summary : lastLine(outcome);
    switch (outcome.exitCode()) {
      case 0 -> {}
      case 1, 2, 4 -> throw new MojoFailureException("Quality gate: " + line);
      case 3 ->
          throw new MojoExecutionException(
              "Quality gate: "
                  + (outcome.err().isEmpty() ? line : String.join(" ", outcome.err())));
      default ->
          throw new MojoExecutionException(
              "The gate's JVM ended with exit code "
                  + outcome.exitCode()
                  + ": "
                  + lastLine(outcome));
    }
  }

  /** decision.json's one-line summary, or null when there is none. */
  static String summary(Path decision) {
    try {
      if (!Files.isRegularFile(decision)) {
        return null;
      }
      JsonNode summary = new ObjectMapper().readTree(decision.toFile()).path("summary");
      return summary.isTextual() ? summary.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String lastLine(PyramidJvm.Outcome outcome) {
    List<String> lines = outcome.err().isEmpty() ? outcome.out() : outcome.err();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i);
      }
    }
    return "(no output)";
  }
}
