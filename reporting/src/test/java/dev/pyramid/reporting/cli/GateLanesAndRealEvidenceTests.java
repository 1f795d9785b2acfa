package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The hotfix lane, a relative perf condition against a real baseline, real failed pacts,
 * decision.json's shape.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateLanesAndRealEvidenceTests {

  private static final String POLICY = BuildTree.resource(BuildTree.POLICY).toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @TempDir Path work;

  @Test
  void the_hotfix_lane_decides_by_its_own_conditions_on_the_same_evidence() throws Exception {
    new BuildTree(root).stagingPasses().e2e("more-e2e", BuildTree.REAL_PASSING_2);
    stamp(root, "build-1");

    // e2e outnumbers contract: the default lane's weighted pyramid shape fails; the hotfix lane has
    // no such condition.
    int byDefault = gate(POLICY, "staging", "build-1", history(), "--lane", "default");
    String byDefaultLane = json().get("lane").asText();
    int hotfix = gate(POLICY, "staging", "build-1", history(), "--lane", "hotfix");
    JsonNode decision = json();
    String unknown =
        ConsoleCapture.capture(
            () ->
                assertThat(gate(POLICY, "staging", "build-1", history(), "--lane", "nosuch"))
                    .isEqualTo(3));

    assertThat(byDefault).isEqualTo(4);
    assertThat(byDefaultLane).isEqualTo("default");
    assertThat(hotfix).isZero();
    assertThat(decision.get("lane").asText()).isEqualTo("hotfix");
    assertThat(decision.get("conditions"))
        .extracting(c -> c.get("id").asText())
        .doesNotContain("shape.pyramid-shape");
    assertThat(unknown).contains("nosuch");
  }

  @Test
  void
      a_relative_p95_condition_fails_above_the_promoted_baseline_plus_25_percent_and_passes_at_or_below()
          throws Exception {
    new BuildTree(root).gatlingRun("ridebookingsimulation-20251126131500123");
    stamp(root, "build-2");
    Path policy =
        write(
            "perf.yml",
            """
        version: 1
        promotion:
          path: [production]
        lanes:
          default:
            stages:
              production:
                require: [perf]
                conditions:
                  - { id: perf.p95-vs-baseline, p95: "<=+25%" }
        """);
    Path first = work.resolve("first.jsonl");
    assertThat(gate(policy.toString(), "production", "build-2", first)).isZero();
    assertThat(condition("perf.p95-vs-baseline").get("verdict").asText()).isEqualTo("no-baseline");
    ObjectNode candidate = (ObjectNode) JSON.readTree(Files.readAllLines(first).get(0));
    double p95 = candidate.get("perf").get("All Requests").get("p95").asDouble();
    assertThat(p95).isPositive();

    // Baseline X with candidate = 1.3 X: more than 25 % slower. Then X with candidate = 1.2 X, and
    // = 1.25 X.
    assertThat(gate(policy.toString(), "production", "build-2", baseline(candidate, 1.3)))
        .isEqualTo(1);
    JsonNode slower = condition("perf.p95-vs-baseline");
    assertThat(gate(policy.toString(), "production", "build-2", baseline(candidate, 1.2))).isZero();
    JsonNode within = condition("perf.p95-vs-baseline");
    assertThat(gate(policy.toString(), "production", "build-2", baseline(candidate, 1.25)))
        .isZero();

    assertThat(slower.get("verdict").asText()).isEqualTo("fail");
    assertThat(within.get("verdict").asText()).isEqualTo("pass");
    assertThat(json().get("baseline").get("build").asText()).isEqualTo("build-1");
  }

  @Test
  void a_real_failed_pact_verification_blocks_naming_the_pact_and_the_interaction()
      throws Exception {
    Path real = Path.of("src/test/resources/real/pact-failed");
    Path target = root.resolve("contract-tests/target");
    copy(real.resolve("failsafe-reports"), target.resolve("failsafe-reports/contract"));
    copy(real.resolve("pacts"), target.resolve("pacts"));
    copy(real.resolve("pact-reports"), target.resolve("pact/reports"));
    stamp(root, "build-1");
    Path policy =
        write(
            "contract.yml",
            """
        version: 1
        promotion:
          path: [staging]
        lanes:
          default:
            stages:
              staging:
                require: [contract]
                conditions:
                  - { all-interactions-verified: true }
        """);

    String console =
        ConsoleCapture.capture(
            () ->
                assertThat(gate(policy.toString(), "staging", "build-1", history())).isEqualTo(1));

    assertThat(console)
        .contains("BLOCK")
        .contains("contract.all-interactions-verified")
        .contains("api-gateway")
        .contains("fleet-core")
        .contains("a request for an assigned ride");
    assertThat(json().get("verdict").asText()).isEqualTo("BLOCK");
  }

  @Test
  void decision_json_lists_files_below_50_and_counts_with_globs_from_50() throws Exception {
    Path unit = Files.createDirectories(root.resolve("svc/target/surefire-reports/unit"));
    for (int i = 0; i < 60; i++) {
      Files.writeString(
          unit.resolve("TEST-t" + i + ".xml"),
          "<testsuite name=\"t"
              + i
              + "\" tests=\"1\"><testcase classname=\"t.T"
              + i
              + "\" name=\"ok\"/></testsuite>");
    }
    new BuildTree(root.resolve("other")).stagingPasses();
    stamp(root, "build-1");

    gate(POLICY, "dev", "build-1", history());
    JsonNode layer = json().get("layers").get(0);
    JsonNode condition = json().get("conditions").get(0);

    assertThat(json().get("schemaVersion").asInt()).isEqualTo(3);
    assertThat(layer.get("layer").asText()).isEqualTo("unit");
    assertThat(layer.get("evidence").get("count").asInt()).isGreaterThanOrEqualTo(60);
    assertThat(layer.get("evidence").has("files")).isFalse();
    assertThat(layer.get("evidence").get("globs"))
        .extracting(JsonNode::asText)
        .contains("**/target/surefire-reports/unit/TEST-*.xml");
    assertThat(layer.get("evidence").get("roots"))
        .extracting(JsonNode::asText)
        .containsExactly(root.toString());
    assertThat(condition.get("evidence").get("count").asInt()).isPositive();
  }

  private JsonNode condition(String id) throws IOException {
    for (JsonNode condition : json().get("conditions")) {
      if (condition.get("id").asText().equals(id)) {
        return condition;
      }
    }
    throw new AssertionError("no condition " + id + " in " + json());
  }

  /**
   * A history where the build "build-1" was promoted to production with the candidate's p95 /
   * factor.
   */
  private Path baseline(ObjectNode candidate, double factor) throws IOException {
    ObjectNode decision = candidate.deepCopy();
    decision.put("buildId", "build-1");
    decision.put("verdict", "PROMOTE");
    decision
        .get("perf")
        .properties()
        .forEach(
            request ->
                ((ObjectNode) request.getValue())
                    .put("p95", request.getValue().get("p95").asDouble() / factor));
    ObjectNode promotion = JSON.createObjectNode();
    promotion.put("type", "promotion");
    promotion.put("time", "2026-01-01T00:00:00Z");
    promotion.put("stage", "production");
    promotion.put("commit", candidate.get("commit").asText());
    promotion.put("buildId", "build-1");
    Path history = work.resolve("baseline-" + factor + ".jsonl");
    Files.write(
        history, List.of(JSON.writeValueAsString(decision), JSON.writeValueAsString(promotion)));
    return history;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
    }
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(work.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path history() {
    return work.resolve("history.jsonl");
  }

  private JsonNode json() throws IOException {
    return JSON.readTree(work.resolve("out/decision.json").toFile());
  }

  private static void stamp(Path dir, String build) {
    assertThat(
            PyramidCommand.run(
                "stamp",
                "--dir",
                dir.toString(),
                "--commit",
                BuildTree.BUILD.commit(),
                "--build-id",
                build))
        .isZero();
  }

  private int gate(String policy, String stage, String build, Path history, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--stage",
                stage,
                "--policy",
                policy,
                "--commit",
                BuildTree.BUILD.commit(),
                "--build-id",
                build,
                "--out",
                work.resolve("out").toString(),
                "--history",
                history.toString(),
                "--quarantine",
                write("none.yml", "quarantine: []\n").toString(),
                "--results",
                root.toString()));
    args.addAll(List.of(more));
    return PyramidCommand.run(args.toArray(String[]::new));
  }
}
