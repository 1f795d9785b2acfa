package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class PyramidCommandTests {

  private static final String POLICY = BuildTree.resource(BuildTree.POLICY).toString();

  @TempDir Path root;

  @Test
  void gate_promotes_and_writes_decision_json_and_markdown() throws Exception {
    new BuildTree(root).stagingPasses();
    Path out = root.resolve("out");

    String console =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        gate(
                            "--stage",
                            "staging",
                            "--policy",
                            POLICY,
                            "--results",
                            root.toString(),
                            "--out",
                            out.toString()))
                    .isZero());

    assertThat(console).contains("PROMOTE to staging");
    JsonNode json = new ObjectMapper().readTree(out.resolve("decision.json").toFile());
    assertThat(json.get("schemaVersion").asInt()).isEqualTo(3);
    assertThat(json.get("verdict").asText()).isEqualTo("PROMOTE");
    assertThat(json.get("conditions").get(0).get("evidence").get("count").asInt()).isPositive();
    assertThat(json.get("conditions").get(0).get("evidence").get("files")).isNotEmpty();
    assertThat(Files.readString(out.resolve("decision.md")))
        .startsWith("### ✅ Pyramid gate: PROMOTE");
  }

  @Test
  void a_level_run_says_it_decided_no_promotion() throws Exception {
    new BuildTree(root).unit("framework", BuildTree.REAL_PASSING);

    String console =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        gate(
                            "--stage",
                            "staging",
                            "--layers",
                            "unit",
                            "--policy",
                            POLICY,
                            "--results",
                            root.toString(),
                            "--out",
                            root.resolve("out").toString()))
                    .isZero());

    assertThat(console).contains("unit layer passes; no promotion decided (level=unit)");
  }

  @Test
  void missing_layers_exit_2() throws Exception {
    new BuildTree(root).unit("framework", BuildTree.REAL_PASSING);

    ConsoleCapture.capture(
        () ->
            assertThat(
                    gate(
                        "--stage",
                        "production",
                        "--policy",
                        POLICY,
                        "--results",
                        root.toString(),
                        "--out",
                        root.resolve("out").toString()))
                .isEqualTo(2));
  }

  @Test
  void a_failure_exits_1_and_writes_allure_results_for_the_gate() throws Exception {
    BuildTree tree = new BuildTree(root).stagingPasses();
    tree.unit("e2e-tests", BuildTree.REAL_MIXED);
    Path allure = root.resolve("allure-results");

    String console =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        gate(
                            "--stage",
                            "staging",
                            "--policy",
                            POLICY,
                            "--results",
                            root.toString(),
                            "--out",
                            root.resolve("out").toString(),
                            "--allure-results",
                            allure.toString()))
                    .isEqualTo(1));

    String lastLine = console.strip().lines().reduce((first, second) -> second).orElseThrow();
    assertThat(lastLine).matches("pyramid: \\d+ passed, [1-9]\\d* failed, \\d+ skipped");

    try (Stream<Path> files = Files.list(allure)) {
      assertThat(files.filter(f -> f.toString().endsWith("-result.json")))
          .isNotEmpty()
          .allSatisfy(
              f ->
                  assertThat(new ObjectMapper().readTree(f.toFile()).get("labels"))
                      .anySatisfy(
                          label -> {
                            assertThat(label.get("name").asText()).isEqualTo("layer");
                            assertThat(label.get("value").asText()).isEqualTo("gate");
                          }));
    }
  }

  @Test
  void a_policy_error_exits_3(@TempDir Path dir) throws Exception {
    Path policy = Files.writeString(dir.resolve("quality-gate.yml"), "version: 1\nunknown: true\n");

    String console =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        gate(
                            "--stage",
                            "dev",
                            "--policy",
                            policy.toString(),
                            "--results",
                            root.toString()))
                    .isEqualTo(3));

    assertThat(console).contains("quality-gate.yml:2").contains("unknown");
  }

  @Test
  void an_unknown_layer_is_a_usage_error() throws Exception {
    ConsoleCapture.capture(
        () ->
            assertThat(gate("--stage", "dev", "--layers", "smoke", "--policy", POLICY))
                .isEqualTo(3));
  }

  @Test
  void help_exits_0() throws Exception {
    String console = ConsoleCapture.capture(() -> assertThat(run("gate", "--help")).isZero());

    assertThat(console).contains("--stage").contains("Exit codes");
  }

  /** Stamps the root for {@link BuildTree#BUILD}, then runs {@code pyramid gate} for that build. */
  private int gate(String... args) {
    new BuildTree(root).stamp();
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("gate"));
    all.addAll(java.util.List.of(args));
    all.addAll(
        java.util.List.of(
            "--commit",
            BuildTree.BUILD.commit(),
            "--build-id",
            BuildTree.BUILD.buildId(),
            "--history",
            root.resolve(".pyramid/history.jsonl").toString()));
    return run(all.toArray(String[]::new));
  }

  private static int run(String... args) {
    return PyramidCommand.run(args);
  }
}
