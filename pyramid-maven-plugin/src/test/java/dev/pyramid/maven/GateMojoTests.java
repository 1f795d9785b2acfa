package dev.pyramid.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class GateMojoTests {

  /** The repository's own policy: path dev, staging, production; lanes default and hotfix. */
  private static final File POLICY = new File("../quality-gate.yml").getAbsoluteFile();

  @TempDir Path dir;

  private GateMojo gate() throws IOException {
    GateMojo gate = new GateMojo();
    gate.stage = "staging";
    gate.policy = POLICY;
    gate.results = Files.createDirectories(dir.resolve("results")).toString();
    gate.layers = "all";
    gate.lane = "default";
    gate.out = dir.resolve("quality-gate").toFile();
    gate.history = dir.resolve("history.jsonl").toFile();
    gate.allureHistory = dir.resolve("allure-history").toFile();
    gate.workingDirectory = dir.toFile();
    gate.scratchDirectory = dir.resolve("scratch").toFile();
    return gate;
  }

  @Test
  void should_pass_the_checks_when_every_parameter_is_right() throws Exception {
    gate().check();
  }

  @Test
  void should_name_the_policy_parameter_and_the_fix_when_the_policy_file_is_missing()
      throws Exception {
    GateMojo gate = gate();
    gate.policy = dir.resolve("nowhere.yml").toFile();

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("nowhere.yml does not exist")
        .hasMessageContaining("parameter policy, property pyramid.policy")
        .hasMessageContaining("Fix: point -Dpyramid.policy=FILE");
  }

  @Test
  void should_name_the_policy_and_its_error_when_the_policy_does_not_read() throws Exception {
    GateMojo gate = gate();
    gate.policy = Files.writeString(dir.resolve("bad.yml"), "version: 1\nfoo: [\n").toFile();

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("bad.yml is not valid")
        .hasMessageContaining("property pyramid.policy");
  }

  @Test
  void should_list_the_promotion_path_when_the_stage_is_unknown() throws Exception {
    GateMojo gate = gate();
    gate.stage = "stagin";

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Unknown stage \"stagin\"")
        .hasMessageContaining("parameter stage, property pyramid.stage")
        .hasMessageContaining("-Dpyramid.stage= one of dev, staging, production");
  }

  @Test
  void should_list_the_policy_lanes_when_the_lane_is_unknown() throws Exception {
    GateMojo gate = gate();
    gate.lane = "express";

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Unknown lane \"express\"")
        .hasMessageContaining("property pyramid.lane")
        .hasMessageContaining("default");
  }

  @Test
  void should_name_the_level_property_when_a_layer_is_unknown() throws Exception {
    GateMojo gate = gate();
    gate.layers = "unit,integration";

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Unknown layer \"integration\"")
        .hasMessageContaining("parameter layers, property pyramid.level")
        .hasMessageContaining("unit, contract, e2e, ui, perf");
  }

  @Test
  void should_name_the_results_parameter_when_a_results_folder_does_not_exist() throws Exception {
    GateMojo gate = gate();
    gate.results = gate.results + ", job-2";

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining(dir.resolve("job-2") + " does not exist")
        .hasMessageContaining("parameter results, property pyramid.results");
  }

  @Test
  void should_name_the_quarantine_parameter_when_its_file_does_not_exist() throws Exception {
    GateMojo gate = gate();
    gate.quarantine = dir.resolve("quarantine.yml").toFile();

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("property pyramid.quarantine");
  }

  @Test
  void should_name_the_allure_home_parameter_when_it_holds_no_allure() throws Exception {
    GateMojo gate = gate();
    gate.allureHome = dir.toFile();

    assertThatThrownBy(gate::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("No bin/allure under")
        .hasMessageContaining("property pyramid.allure.home");
  }

  @Test
  void should_refuse_a_boolean_property_that_is_neither_true_nor_false() throws Exception {
    Properties user = new Properties();
    user.setProperty("pyramid.gate.skip", "ture");

    assertThatThrownBy(() -> gate().checkBooleans(user, new Properties()))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("-Dpyramid.gate.skip=ture is not a boolean")
        .hasMessageContaining("Fix: -Dpyramid.gate.skip=true or -Dpyramid.gate.skip=false");
  }

  @Test
  void should_pass_every_option_to_the_gate_command() throws Exception {
    GateMojo gate = gate();
    gate.layers = "contract";
    gate.commit = "abc123";
    gate.buildId = "42";
    gate.allureResults = dir.resolve("allure-results").toFile();
    gate.allureReport = dir.resolve("allure-report").toFile();
    String results = gate.results;

    List<String> arguments = gate.arguments(Path.of("/opt/allure"));

    assertThat(String.join(" ", arguments))
        .startsWith("gate --stage staging --layers contract --lane default --policy " + POLICY)
        .contains("--results " + results)
        .contains("--out " + gate.out)
        .contains("--history " + gate.history)
        .contains("--commit abc123 --build-id 42")
        .contains("--allure-results " + gate.allureResults)
        .endsWith("--allure-report " + gate.allureReport + " --allure-home /opt/allure");
  }

  @Test
  void should_leave_out_the_report_options_when_no_report_is_asked_for() throws Exception {
    List<String> arguments = gate().arguments(null);

    assertThat(arguments).doesNotContain("--allure-report", "--allure-home", "--quarantine");
  }

  @Test
  void should_keep_a_level_run_in_its_own_allure_history() throws Exception {
    GateMojo gate = gate();
    gate.layers = "contract";

    assertThat(gate.properties())
        .containsExactly(
            "-Dpyramid.allure.history=" + dir.resolve("allure-history").resolve("contract"));
  }

  @Test
  void should_keep_the_whole_pyramid_in_the_all_history() throws Exception {
    assertThat(gate().properties())
        .containsExactly("-Dpyramid.allure.history=" + dir.resolve("allure-history/all"));
  }

  @Test
  void should_pass_the_build_when_the_gate_promotes() throws Exception {
    GateMojo.verdict(outcome(0), "PROMOTE to staging: every required layer passes (unit)");
  }

  @Test
  void should_fail_the_build_with_the_verdict_when_the_gate_blocks() {
    assertThatThrownBy(() -> GateMojo.verdict(outcome(1), "BLOCK: unit.pass-rate failed"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("Quality gate: BLOCK: unit.pass-rate failed");
  }

  @Test
  void should_fail_the_build_when_the_evidence_is_incomplete_or_a_person_must_approve() {
    assertThatThrownBy(() -> GateMojo.verdict(outcome(2), "INCOMPLETE: e2e missing"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("Quality gate: INCOMPLETE: e2e missing");
    assertThatThrownBy(() -> GateMojo.verdict(outcome(4), "MANUAL_APPROVAL: score 0.7"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("MANUAL_APPROVAL");
  }

  @Test
  void should_fail_with_the_gate_message_on_a_usage_or_policy_error() {
    PyramidJvm.Outcome usage =
        new PyramidJvm.Outcome(3, List.of(), List.of("Usage error: no commit"));

    assertThatThrownBy(() -> GateMojo.verdict(usage, null))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("Quality gate: Usage error: no commit");
  }

  @Test
  void should_fail_the_build_when_the_forked_gate_finds_no_stamped_evidence() throws Exception {
    GateMojo gate = gate();
    gate.commit = "abc123";
    gate.buildId = "42";
    gate.classDataSharing = false;
    gate.check();

    assertThatThrownBy(gate::run)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("Quality gate: INCOMPLETE");
    assertThat(gate.out.toPath().resolve("decision.json")).exists();
    assertThat(gate.history).exists();
  }

  private static PyramidJvm.Outcome outcome(int exit) {
    return new PyramidJvm.Outcome(
        exit, List.of("pyramid: 1 passed, 0 failed, 0 skipped"), List.of());
  }
}
