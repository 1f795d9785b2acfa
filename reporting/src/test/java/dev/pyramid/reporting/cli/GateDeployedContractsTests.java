package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.internal.files.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code deployed-contracts-verified} end to end: a build promoted to production keeps its pact and
 * its service's jar; later candidates carry the evidence files the framework's contract tests write
 * after finding production's build by its pointer ({@code history.deployed/stages/production.json})
 * and its kept files by the manifest there; the gate holds them to the build the history says
 * production runs, through a rollback too.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateDeployedContractsTests {

  private static final String PACT = "contract-tests/target/pacts/api-gateway-fleet-core.json";
  private static final String JAR = "platform/fleet-core/target/fleet-core-0.1.0-all.jar";
  private static final String EVIDENCE = "contract-tests/target/pyramid/stage-contracts/";
  private static final List<String> INTERACTIONS =
      List.of("a request for the nearest vehicle", "a request to book a ride");

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path root;
  @TempDir Path work;

  private GateRuns runs;

  @BeforeEach
  void policyAndBuild() throws Exception {
    Path policy =
        Files.writeString(
            work.resolve("quality-gate.yml"),
            """
            version: 1
            promotion:
              path: [production]
            deployed:
              pacts: ["contract-tests/target/pacts/*.json"]
              artifacts: ["platform/*/target/*-all.jar"]
            lanes:
              default:
                stages:
                  production:
                    require: [unit, contract]
                    conditions:
                      - { deployed-contracts-verified: true }
            """);
    runs = new GateRuns(policy, work);
    BuildTree tree = new BuildTree(root).stagingPasses();
    tree.write(
        PACT,
        "{\"consumer\":{\"name\":\"api-gateway\"},\"provider\":{\"name\":\"fleet-core\"},"
            + "\"interactions\":[{\"description\":\"a request for the nearest vehicle\"},"
            + "{\"description\":\"a request to book a ride\"}]}");
    tree.write(JAR, "not a real jar; what matters is its SHA-256");
  }

  @Test
  void verified_both_ways_against_what_production_runs_promotes_and_a_failed_interaction_blocks()
      throws Exception {
    String first = ConsoleCapture.capture(() -> assertThat(gate("b1")).isZero());
    assertThat(first).contains("contract.deployed-contracts-verified").contains("no-baseline");
    promote("b1");

    verifyAgainstThePointedBuild(null);
    String verified = ConsoleCapture.capture(() -> assertThat(gate("b2")).isZero());
    assertThat(verified)
        .contains("4/4 interactions verified both ways against c0ffee/b1")
        .contains("PROMOTE");

    verifyAgainstThePointedBuild("a request to book a ride");
    String failing = ConsoleCapture.capture(() -> assertThat(gate("b3")).isEqualTo(1));
    assertThat(failing)
        .contains(
            "    - api-gateway → fleet-core: 'a request to book a ride' fails against the"
                + " candidate fleet-core: expected status 201 but was 500 (production's pact)")
        .contains(
            "    - api-gateway → fleet-core: 'a request to book a ride' fails against"
                + " production's fleet-core ("
                + JAR
                + "): expected status 201 but was 500")
        .contains("BLOCK");
  }

  @Test
  void evidence_against_an_older_build_blocks_and_after_a_rollback_both_follow_the_previous_build()
      throws Exception {
    ConsoleCapture.capture(() -> assertThat(gate("b1")).isZero());
    promote("b1");
    verifyAgainstThePointedBuild(null);
    ConsoleCapture.capture(() -> assertThat(gate("b2")).isZero());
    JsonNode againstB1 = pointer();
    promote("b2");

    verifyAgainst(againstB1, null);
    String stale = ConsoleCapture.capture(() -> assertThat(gate("b3")).isEqualTo(1));
    assertThat(stale).contains(": verified against c0ffee/b1, production runs c0ffee/b2");

    ConsoleCapture.capture(() -> assertThat(runs.rollback("production")).isZero());
    assertThat(pointer().get("buildId").asText()).isEqualTo("b1");
    assertThat(pointer().get("by").asText()).isEqualTo("rollback");
    String rolledBack = ConsoleCapture.capture(() -> assertThat(gate("b4")).isZero());
    assertThat(rolledBack).contains("4/4 interactions verified both ways against c0ffee/b1");
  }

  /** The framework's part: verifications against the build production's pointer names. */
  private void verifyAgainstThePointedBuild(String failing) throws Exception {
    verifyAgainst(pointer(), failing);
  }

  /**
   * Writes the two evidence files of the contract tests against the build {@code pointer} names,
   * every interaction passed but {@code failing} (if not null), in both directions.
   */
  private void verifyAgainst(JsonNode pointer, String failing) throws Exception {
    Path kept = work.resolve("history.deployed").resolve(pointer.get("dir").asText());
    JsonNode files = json.readTree(kept.resolve("manifest.json").toFile()).get("files");
    ObjectNode againstCandidate = verification(pointer, "stage-pacts-against-candidate");
    ((ObjectNode) againstCandidate.get("provider")).put("build", "candidate");
    ObjectNode againstStage = verification(pointer, "candidate-pacts-against-stage");
    ObjectNode provider = (ObjectNode) againstStage.get("provider");
    provider.put("build", "stage");
    for (JsonNode file : files) {
      String path = file.get("path").asText();
      if (file.get("kind").asText().equals("pacts")) {
        pact(againstCandidate, path, file.get("sha256").asText(), failing);
      } else if (file.get("kind").asText().equals("artifacts")) {
        provider.putObject("artifact").put("path", path).put("sha256", file.get("sha256").asText());
      }
    }
    pact(againstStage, PACT, Sha256.of(root.resolve(PACT)), failing);
    write("stage-pacts-against-candidate.json", againstCandidate);
    write("candidate-pacts-against-stage.json", againstStage);
  }

  private ObjectNode verification(JsonNode pointer, String direction) {
    ObjectNode verification = json.createObjectNode();
    verification.put("pyramid", "stage-contracts").put("schemaVersion", 1);
    verification.put("direction", direction).put("stage", "production");
    verification
        .putObject("stageBuild")
        .put("commit", pointer.get("commit").asText())
        .put("buildId", pointer.get("buildId").asText());
    verification.putObject("provider").put("name", "fleet-core");
    verification.putArray("pacts");
    return verification;
  }

  private void pact(ObjectNode verification, String path, String sha256, String failing) {
    ObjectNode pact = ((ArrayNode) verification.get("pacts")).addObject();
    pact.put("path", path).put("sha256", sha256);
    pact.put("consumer", "api-gateway").put("provider", "fleet-core");
    ArrayNode interactions = pact.putArray("interactions");
    for (String description : INTERACTIONS) {
      ObjectNode interaction = interactions.addObject().put("description", description);
      if (description.equals(failing)) {
        interaction.put("result", "failed").put("message", "expected status 201 but was 500");
      } else {
        interaction.put("result", "passed");
      }
    }
  }

  private void write(String name, ObjectNode verification) throws Exception {
    Path file = root.resolve(EVIDENCE + name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json.writeValueAsString(verification));
  }

  private JsonNode pointer() throws Exception {
    return json.readTree(work.resolve("history.deployed/stages/production.json").toFile());
  }

  private int gate(String buildId) {
    runs.stamp(root, buildId);
    return runs.gate("production", root, buildId);
  }

  private void promote(String buildId) throws Exception {
    ConsoleCapture.capture(() -> assertThat(runs.promote("production", buildId, root)).isZero());
  }
}
