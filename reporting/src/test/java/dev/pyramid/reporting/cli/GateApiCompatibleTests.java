package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code api-compatible} end to end: a build promoted to a stage keeps its service's OpenAPI
 * document; a later build whose document breaks a kept version is blocked, naming the operation;
 * one that keeps it is promoted.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateApiCompatibleTests {

  private static final String DOCUMENT = "fleet/target/classes/openapi/fleet.yaml";

  @TempDir Path root;
  @TempDir Path work;

  private Path policy;

  @BeforeEach
  void policyAndResults() throws Exception {
    policy =
        Files.writeString(
            work.resolve("quality-gate.yml"),
            """
            version: 1
            promotion:
              path: [staging]
            deployed:
              api: ["**/target/classes/openapi/*.yaml"]
            lanes:
              default:
                stages:
                  staging:
                    require: [unit, contract]
                    conditions:
                      - { api-compatible: true }
            """);
    new BuildTree(root).stagingPasses();
  }

  @Test
  void a_candidate_that_breaks_a_kept_version_is_blocked_and_one_that_keeps_it_promoted()
      throws Exception {
    document("type-changed/old.yaml");
    String first = ConsoleCapture.capture(() -> assertThat(gate("b1")).isZero());
    assertThat(first).contains("contract.api-compatible").contains("no-baseline");
    assertThat(promote("b1")).isZero();

    document("type-changed/new.yaml");
    String breaking = ConsoleCapture.capture(() -> assertThat(gate("b2")).isEqualTo(1));

    assertThat(breaking)
        .contains("contract.api-compatible")
        .contains(
            "    - fleet: GET /v1/rides/{id}, response 200 application/json, fare: type changed"
                + " from integer to string")
        .contains("BLOCK");

    document("type-changed/old.yaml");
    String kept = ConsoleCapture.capture(() -> assertThat(gate("b3")).isZero());
    assertThat(kept).contains("PROMOTE");
  }

  private void document(String fixture) throws Exception {
    Path target = root.resolve(DOCUMENT);
    Files.createDirectories(target.getParent());
    Files.copy(
        BuildTree.resource("apidiff/" + fixture), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private int gate(String buildId) {
    GateRuns runs = new GateRuns(policy, work);
    runs.stamp(root, buildId);
    return runs.gate("staging", root, buildId);
  }

  private int promote(String buildId) {
    return new GateRuns(policy, work).promote("staging", buildId, root);
  }
}
