package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code pyramid promote} keeps what the policy's {@code deployed:} names as what the stage runs;
 * {@code pyramid rollback} makes the stage run its previous build again; after either, the stage's
 * pointer ({@code history.deployed/stages/<stage>.json}) names the build it runs.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class PromoteAndRollbackTests {

  @TempDir Path root;
  @TempDir Path checkout;
  @TempDir Path work;

  private Path policy;

  @BeforeEach
  void writePolicyAndCheckout() throws Exception {
    policy =
        Files.writeString(
            work.resolve("quality-gate.yml"),
            Files.readString(BuildTree.resource(BuildTree.POLICY))
                + """

                deployed:
                  api: ["platform/*/openapi.yaml"]
                  pacts: ["pacts/*.json"]
                """);
    Files.createDirectories(checkout.resolve("platform/fleet-core"));
    Files.writeString(checkout.resolve("platform/fleet-core/openapi.yaml"), "openapi: 3.0.3\n");
    new BuildTree(root).stagingPasses();
  }

  @Test
  void promote_keeps_what_the_stage_runs_and_warns_of_a_kind_that_matched_nothing()
      throws Exception {
    String console = ConsoleCapture.capture(() -> assertThat(promoteToDev("b1")).isZero());

    assertThat(console)
        .contains("Kept for dev: 1 api, 0 pacts in " + work.resolve("history.deployed"))
        .contains("Warning: no file matched deployed.pacts [pacts/*.json]");
    assertThat(work.resolve("history.deployed/c0ffee/b1/api/platform/fleet-core/openapi.yaml"))
        .hasContent("openapi: 3.0.3");
  }

  @Test
  void a_rollback_needs_an_earlier_build_and_then_makes_the_stage_run_it_again() throws Exception {
    String first =
        ConsoleCapture.capture(
            () -> {
              assertThat(promoteToDev("b1")).isZero();
              assertThat(rollback()).isEqualTo(ExitCode.REFUSED.code());
            });
    assertThat(first).contains("Refused: dev has run only commit c0ffee, build b1");

    String second =
        ConsoleCapture.capture(
            () -> {
              assertThat(promoteToDev("b2")).isZero();
              assertThat(rollback()).isZero();
            });

    assertThat(second)
        .contains("Rolled back dev from commit c0ffee, build b2 to commit c0ffee, build b1")
        .contains("Kept for dev: 1 api");
    History history = new History(work.resolve("history.jsonl"));
    assertThat(History.ranAt(history.read(), "dev"))
        .containsExactly(new BuildIdentity("c0ffee", "b1"));
    String listed =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        PyramidCommand.run(
                            "history", "--history", work.resolve("history.jsonl").toString()))
                    .isZero());
    assertThat(listed).containsPattern("rollback +dev .* b2 .* rolled back to build b1");
  }

  @Test
  void promote_points_the_stage_at_its_build_and_a_second_promotion_replaces_the_pointer()
      throws Exception {
    ConsoleCapture.capture(() -> assertThat(promoteToDev("b1")).isZero());

    JsonNode first = pointer("dev");
    assertThat(first.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(first.get("stage").asText()).isEqualTo("dev");
    assertThat(first.get("commit").asText()).isEqualTo("c0ffee");
    assertThat(first.get("buildId").asText()).isEqualTo("b1");
    assertThat(first.get("dir").asText()).isEqualTo("c0ffee/b1");
    assertThat(work.resolve("history.deployed").resolve(first.get("dir").asText())).isDirectory();
    assertThat(first.get("by").asText()).isEqualTo("promote");
    assertThat(Instant.parse(first.get("since").asText())).isBeforeOrEqualTo(Instant.now());

    ConsoleCapture.capture(() -> assertThat(promoteToDev("b2")).isZero());

    assertThat(pointer("dev").get("buildId").asText()).isEqualTo("b2");
    assertThat(pointer("dev").get("dir").asText()).isEqualTo("c0ffee/b2");
  }

  @Test
  void a_rollback_points_the_stage_at_its_previous_build() throws Exception {
    ConsoleCapture.capture(
        () -> {
          assertThat(promoteToDev("b1")).isZero();
          assertThat(promoteToDev("b2")).isZero();
          assertThat(rollback()).isZero();
        });

    JsonNode pointer = pointer("dev");
    assertThat(pointer.get("buildId").asText()).isEqualTo("b1");
    assertThat(pointer.get("dir").asText()).isEqualTo("c0ffee/b1");
    assertThat(pointer.get("by").asText()).isEqualTo("rollback");
  }

  @Test
  void a_hotfix_promotion_replaces_the_pointer() throws Exception {
    ConsoleCapture.capture(
        () -> {
          assertThat(promoteToDev("b1")).isZero();
          GateRuns runs = new GateRuns(policy, work);
          runs.stamp(root, "hotfix-1");
          assertThat(runs.gate("dev", root, "hotfix-1", "--lane", "hotfix")).isZero();
          assertThat(runs.promote("dev", "hotfix-1", checkout)).isZero();
        });

    assertThat(pointer("dev").get("buildId").asText()).isEqualTo("hotfix-1");
    assertThat(pointer("dev").get("dir").asText()).isEqualTo("c0ffee/hotfix-1");
  }

  @Test
  void a_build_of_which_nothing_is_kept_is_pointed_at_without_a_folder() throws Exception {
    policy =
        Files.writeString(
            work.resolve("keeps-nothing.yml"),
            Files.readString(BuildTree.resource(BuildTree.POLICY)));

    ConsoleCapture.capture(() -> assertThat(promoteToDev("b1")).isZero());

    JsonNode pointer = pointer("dev");
    assertThat(pointer.get("buildId").asText()).isEqualTo("b1");
    assertThat(pointer.get("dir").isNull()).isTrue();
  }

  private JsonNode pointer(String stage) throws Exception {
    return new ObjectMapper()
        .readTree(work.resolve("history.deployed/stages").resolve(stage + ".json").toFile());
  }

  private int promoteToDev(String buildId) {
    GateRuns runs = new GateRuns(policy, work);
    runs.stamp(root, buildId);
    assertThat(runs.gate("dev", root, buildId)).isZero();
    return runs.promote("dev", buildId, checkout);
  }

  private int rollback() {
    return new GateRuns(policy, work).rollback("dev");
  }
}
