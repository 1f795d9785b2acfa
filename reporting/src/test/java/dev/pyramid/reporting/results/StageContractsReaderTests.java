package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract layer's verifications against what a stage runs, in the format the framework's
 * contract tests write ({@code "pyramid": "stage-contracts"}, schema version 1): read when they are
 * that, refused naming the file and the field when they are not.
 */
@UnitTest
class StageContractsReaderTests {

  private static final String PACT_SHA256 = "ab".repeat(32);
  private static final String JAR_SHA256 = "cd".repeat(32);

  /** Production's kept pact verified against the candidate's fleet-core: one passed, one failed. */
  private static final String STAGE_PACTS_AGAINST_CANDIDATE =
      """
      {
        "pyramid": "stage-contracts",
        "schemaVersion": 1,
        "direction": "stage-pacts-against-candidate",
        "stage": "production",
        "stageBuild": {"commit": "c0ffee", "buildId": "42"},
        "provider": {"name": "fleet-core", "build": "candidate"},
        "pacts": [
          {"path": "contract-tests/target/pacts/api-gateway-fleet-core.json", "sha256": "%s",
           "consumer": "api-gateway", "provider": "fleet-core",
           "interactions": [
             {"description": "a ride request", "result": "passed"},
             {"description": "a cancellation", "result": "failed",
              "message": "expected status 204 but was 500"}]}
        ]
      }
      """
          .formatted(PACT_SHA256);

  /** The candidate's pact verified against production's fleet-core, started from its jar. */
  private static final String CANDIDATE_PACTS_AGAINST_STAGE =
      """
      {
        "pyramid": "stage-contracts",
        "schemaVersion": 1,
        "direction": "candidate-pacts-against-stage",
        "stage": "production",
        "stageBuild": {"commit": "c0ffee", "buildId": "42"},
        "provider": {"name": "fleet-core", "build": "stage",
                     "artifact": {"path": "platform/fleet-core/target/fleet-core-all.jar",
                                  "sha256": "%s"}},
        "pacts": [
          {"path": "contract-tests/target/pacts/api-gateway-fleet-core.json", "sha256": "%s",
           "consumer": "api-gateway", "provider": "fleet-core",
           "interactions": [{"description": "a ride request", "result": "passed"}]}
        ]
      }
      """
          .formatted(JAR_SHA256, PACT_SHA256.toUpperCase());

  private final StageContractsReader reader = new StageContractsReader();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void reads_the_stage_s_pacts_verified_against_the_candidate() throws Exception {
    StageVerification read = read(STAGE_PACTS_AGAINST_CANDIDATE);

    assertThat(read.direction())
        .isEqualTo(StageVerification.Direction.STAGE_PACTS_AGAINST_CANDIDATE);
    assertThat(read.stage()).isEqualTo("production");
    assertThat(read.stageBuild()).contains(new StageVerification.Build("c0ffee", "42"));
    assertThat(read.provider()).isEqualTo("fleet-core");
    assertThat(read.artifact()).isEmpty();
    assertThat(read.note()).isEmpty();
    assertThat(read.pacts())
        .singleElement()
        .satisfies(
            pact -> {
              assertThat(pact.path())
                  .isEqualTo("contract-tests/target/pacts/api-gateway-fleet-core.json");
              assertThat(pact.sha256()).isEqualTo(PACT_SHA256);
              assertThat(pact.consumer()).isEqualTo("api-gateway");
              assertThat(pact.provider()).isEqualTo("fleet-core");
              assertThat(pact.interactions())
                  .containsExactly(
                      new StageVerification.Interaction("a ride request", true, ""),
                      new StageVerification.Interaction(
                          "a cancellation", false, "expected status 204 but was 500"));
            });
  }

  @Test
  void reads_the_candidate_s_pacts_verified_against_the_stage_s_provider_and_its_artifact()
      throws Exception {
    StageVerification read = read(CANDIDATE_PACTS_AGAINST_STAGE);

    assertThat(read.direction())
        .isEqualTo(StageVerification.Direction.CANDIDATE_PACTS_AGAINST_STAGE);
    assertThat(read.artifact())
        .contains(
            new StageVerification.Artifact(
                "platform/fleet-core/target/fleet-core-all.jar", JAR_SHA256));
    assertThat(read.pacts().get(0).sha256()).as("lower-cased").isEqualTo(PACT_SHA256);
  }

  @Test
  void a_stage_that_kept_no_artifact_of_the_provider_reads_as_nothing_started() throws Exception {
    StageVerification read =
        read(
            CANDIDATE_PACTS_AGAINST_STAGE,
            file -> ((ObjectNode) file.get("provider")).putNull("artifact"));

    assertThat(read.artifact()).isEmpty();
  }

  @Test
  void tests_that_found_no_build_at_the_stage_say_so_with_their_note() throws Exception {
    StageVerification read =
        read(
            STAGE_PACTS_AGAINST_CANDIDATE,
            file -> {
              file.putNull("stageBuild");
              file.put("note", "no history.deployed/stages/production.json");
              file.putArray("pacts");
            });

    assertThat(read.stageBuild()).isEmpty();
    assertThat(read.note()).isEqualTo("no history.deployed/stages/production.json");
    assertThat(read.pacts()).isEmpty();
  }

  @Test
  void a_file_of_another_kind_is_unreadable_naming_what_it_is() {
    Path file = write(STAGE_PACTS_AGAINST_CANDIDATE, json -> json.put("pyramid", "decision"));

    assertThatThrownBy(() -> reader.read(file, Files.readAllBytes(file)))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining(
            "not a Pyramid stage-contracts file: \"pyramid\" is \"decision\", expected"
                + " \"stage-contracts\"")
        .satisfies(e -> assertThat(((UnreadableEvidenceException) e).file()).isEqualTo(file));
  }

  @Test
  void a_newer_schema_is_unreadable_saying_which_gate_reads_it() {
    assertThatThrownBy(() -> read(STAGE_PACTS_AGAINST_CANDIDATE, j -> j.put("schemaVersion", 2)))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("schemaVersion 2 is newer than this gate reads (1)")
        .hasMessageContaining("run a gate as new as the framework that wrote it");
  }

  @Test
  void a_cut_off_file_is_unreadable() {
    String cut = STAGE_PACTS_AGAINST_CANDIDATE.substring(0, 200);

    assertThatThrownBy(() -> reader.read(dir.resolve("cut.json"), bytes(cut)))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("not valid JSON");
  }

  @ParameterizedTest(name = "without {0}")
  @CsvSource({
    "stageBuild, '\"stageBuild\" is missing'",
    "stage, '\"stage\" is missing'",
    "provider, '\"provider\" is missing'",
    "pacts, '\"pacts\" is missing'",
  })
  void a_missing_field_is_unreadable_naming_it(String field, String message) {
    assertThatThrownBy(() -> read(STAGE_PACTS_AGAINST_CANDIDATE, j -> j.remove(field)))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining(message);
  }

  @Test
  void a_field_of_the_wrong_shape_is_unreadable_naming_its_path() {
    assertThatThrownBy(() -> read(STAGE_PACTS_AGAINST_CANDIDATE, j -> pact(j).put("sha256", "ab")))
        .hasMessageContaining("\"pacts[0].sha256\" is not a SHA-256 in hex (64 digits)");
    assertThatThrownBy(
            () ->
                read(
                    STAGE_PACTS_AGAINST_CANDIDATE,
                    j ->
                        ((ObjectNode) pact(j).get("interactions").get(1)).put("result", "skipped")))
        .hasMessageContaining(
            "\"pacts[0].interactions[1].result\" is not \"passed\" or \"failed\"");
    assertThatThrownBy(() -> read(STAGE_PACTS_AGAINST_CANDIDATE, j -> j.put("direction", "both")))
        .hasMessageContaining("\"direction\" is not \"stage-pacts-against-candidate\" or");
    assertThatThrownBy(
            () ->
                read(
                    STAGE_PACTS_AGAINST_CANDIDATE,
                    j -> ((ObjectNode) j.get("provider")).put("build", "stage")))
        .hasMessageContaining(
            "\"provider.build\" is not \"candidate\" for stage-pacts-against-candidate");
    assertThatThrownBy(
            () ->
                read(
                    CANDIDATE_PACTS_AGAINST_STAGE,
                    j -> ((ObjectNode) j.get("provider")).remove("artifact")))
        .hasMessageContaining("\"provider.artifact\" is missing");
  }

  @Test
  void the_collector_reads_them_into_the_contract_layer_and_an_unreadable_one_is_its_problem() {
    Path good = dir.resolve("contract-tests/target/pyramid/stage-contracts/against-candidate.json");
    Path bad = dir.resolve("contract-tests/target/pyramid/stage-contracts/against-stage.json");
    move(write(STAGE_PACTS_AGAINST_CANDIDATE, j -> {}), good);
    move(write(CANDIDATE_PACTS_AGAINST_STAGE, j -> j.put("schemaVersion", 2)), bad);

    LayerEvidence contract =
        new EvidenceCollector().collect(List.of(dir)).evidence().of(Layer.CONTRACT);

    assertThat(contract.sources()).containsExactly(good, bad);
    assertThat(contract.stageVerifications())
        .singleElement()
        .satisfies(read -> assertThat(read.source()).isEqualTo(good));
    assertThat(contract.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(bad);
              assertThat(problem.reason()).contains("schemaVersion 2 is newer");
            });
  }

  private StageVerification read(String text) throws Exception {
    return reader.read(dir.resolve("verification.json"), bytes(text));
  }

  private StageVerification read(String text, Consumer<ObjectNode> change) throws Exception {
    Path file = write(text, change);
    return reader.read(file, Files.readAllBytes(file));
  }

  /** {@code text}, changed, in a file of its own. */
  private Path write(String text, Consumer<ObjectNode> change) {
    try {
      ObjectNode file = (ObjectNode) json.readTree(text);
      change.accept(file);
      return Files.writeString(
          Files.createTempFile(dir, "verification", ".json"), json.writeValueAsString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode pact(ObjectNode file) {
    return (ObjectNode) file.get("pacts").get(0);
  }

  private static void move(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.move(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
