package dev.pyramid.reporting.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken pact interactions become results with their diff, read from a real Pact JVM 4.7.5 report
 * (src/test/resources/allure/pact-failed-reports: the provider answered "CANCELLED" where the pact
 * said "CANCELED").
 */
@UnitTest
class PactMismatchesTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path results;

  @TempDir Path build;

  /**
   * A build tree holding the real failed report where Pact writes it. The resource lies outside any
   * {@code target/pact/reports/} so that the gate never mistakes it for this build's evidence.
   */
  private Path failedBuild() throws Exception {
    Path reports = build.resolve("contract-tests/target/pact/reports");
    Files.createDirectories(reports);
    for (String name : List.of("fleet-core.json", "fleet-core.md")) {
      Path resource =
          Path.of(
              PactMismatchesTests.class.getResource("/allure/pact-failed-reports/" + name).toURI());
      Files.copy(resource, reports.resolve(name));
    }
    return build;
  }

  @Test
  void should_write_one_failed_contract_result_per_broken_interaction_with_the_diff()
      throws Exception {
    List<Path> written = PactMismatches.write(List.of(failedBuild()), results);

    assertThat(written).hasSize(1);
    JsonNode result = JSON.readTree(written.get(0).toFile());
    assertThat(result.get("status").asText()).isEqualTo("failed");
    assertThat(result.get("name").asText())
        .isEqualTo("Pact: api-gateway -> fleet-core: a cancellation of an assigned ride");
    assertThat(result.path("statusDetails").path("message").asText())
        .contains("has a matching body (FAILED)");
    assertThat(result.findValuesAsText("value"))
        .contains("contract", "Pact verification of fleet-core");
    assertThat(Categories.of("failed", result.path("statusDetails").path("message").asText()))
        .containsExactly("Contract broken");
    JsonNode diff = result.get("attachments").get(1);
    assertThat(Files.readString(results.resolve(diff.get("source").asText())))
        .contains("Expected 'CANCELLED' (String) to be equal to 'CANCELED' (String)")
        .contains("-  \"status\": \"CANCELED\",")
        .doesNotContain("a request for an assigned ride");
  }

  @Test
  void should_attach_the_diff_to_the_failed_provider_verification_test() throws Exception {
    Path test = results.resolve("t-result.json");
    Files.writeString(
        test,
        """
        {"uuid": "t", "name": "fleetCoreHonoursThePact(PactVerificationContext) api-gateway - a cancellation of an assigned ride",
         "fullName": "dev.pyramid.contracts.provider.FleetCoreProviderVerificationIT.fleetCoreHonoursThePact",
         "status": "failed", "labels": []}
        """);

    PactMismatches.write(List.of(failedBuild()), results);

    JsonNode attachments = JSON.readTree(test.toFile()).get("attachments");
    assertThat(attachments.findValuesAsText("name"))
        .containsExactly("Pact verification (JSON)", "Pact mismatches and diff");
    assertThat(results.resolve(attachments.get(0).get("source").asText()))
        .content()
        .contains("\"mismatches\"");
  }

  @Test
  void should_write_nothing_for_a_passing_verification() throws Exception {
    Path passing = results.resolve("build/contract-tests/target/pact/reports");
    Files.createDirectories(passing);
    Files.writeString(
        passing.resolve("fleet-core.json"),
        """
        {"provider": {"name": "fleet-core"}, "execution": [{"consumer": {"name": "api-gateway"},
          "interactions": [{"interaction": {"description": "a ride"}, "verification": {"result": "OK"}}]}]}
        """);

    assertThat(PactMismatches.write(List.of(results.resolve("build")), results)).isEmpty();
  }
}
