package dev.pyramid.reporting.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every result is grouped by layer, then feature; reruns are marked flaky. */
@UnitTest
class ResultLabelsTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static ObjectNode result(String labels) throws Exception {
    return (ObjectNode) JSON.readTree("{\"status\": \"passed\", \"labels\": [" + labels + "]}");
  }

  private static String label(JsonNode result, String name) {
    for (JsonNode label : result.get("labels")) {
      if (label.get("name").asText().equals(name)) {
        return label.get("value").asText();
      }
    }
    return null;
  }

  @Test
  void should_add_layer_groups_and_the_feature_from_the_package() throws Exception {
    ObjectNode result =
        result(
            """
        {"name": "layer", "value": "unit"},
        {"name": "testClass", "value": "dev.pyramid.platform.fleetcore.vehicles.NearestVehicleTests"},
        {"name": "testMethod", "value": "picksTheNearest"}""");

    assertThat(ResultLabels.complete(result, Set.of())).isTrue();

    assertThat(label(result, "parentSuite")).isEqualTo("unit");
    assertThat(label(result, "epic")).isEqualTo("unit");
    assertThat(label(result, "feature")).isEqualTo("vehicles");
    assertThat(result.has("statusDetails")).isFalse();
  }

  @Test
  void should_keep_labels_a_test_set_itself() throws Exception {
    ObjectNode result =
        result(
            """
        {"name": "layer", "value": "e2e"}, {"name": "parentSuite", "value": "e2e"}, {"name": "epic", "value": "e2e"},
        {"name": "feature", "value": "ride booking"},
        {"name": "testClass", "value": "dev.pyramid.e2e.RideBookingJourneyIT"}""");

    assertThat(ResultLabels.complete(result, Set.of())).isFalse();
    assertThat(label(result, "feature")).isEqualTo("ride booking");
  }

  @Test
  void should_take_the_layer_from_the_junit_tag_when_the_label_is_missing() throws Exception {
    ObjectNode result =
        result(
            """
        {"name": "tag", "value": "contract"}, {"name": "suite", "value": "dev.pyramid.contracts.consumer.FleetCoreClientPactTests"}""");

    ResultLabels.complete(result, Set.of());

    assertThat(label(result, "layer")).isEqualTo("contract");
    assertThat(label(result, "parentSuite")).isEqualTo("contract");
    assertThat(label(result, "feature")).isEqualTo("rides");
  }

  @Test
  void should_mark_a_test_surefire_reran_as_flaky() throws Exception {
    Path build =
        Path.of(ResultLabelsTests.class.getResource("/real/maven-surefire-failsafe").toURI());
    Set<String> flaky = FlakyTests.under(List.of(fakeTargetOf(build)));
    ObjectNode result =
        result(
            """
        {"name": "layer", "value": "unit"}, {"name": "testClass", "value": "sample.FareTests"},
        {"name": "testMethod", "value": "reaches_the_tariff_service"}""");

    ResultLabels.complete(result, flaky);

    assertThat(flaky).contains("sample.FareTests#reaches_the_tariff_service");
    assertThat(result.path("statusDetails").path("flaky").asBoolean()).isTrue();
  }

  /**
   * The real Surefire output lies in surefire-reports/ without target/; FlakyTests looks under
   * target/.
   */
  private Path fakeTargetOf(Path build) throws Exception {
    Path reports = temp.resolve("module/target/surefire-reports");
    Files.createDirectories(reports);
    try (Stream<Path> files = Files.list(build.resolve("surefire-reports"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, reports.resolve(file.getFileName()));
      }
    }
    return temp;
  }

  @Test
  void should_name_features_by_platform_area() {
    assertThat(FeatureNames.of("dev.pyramid.platform.gateway.ApiKeyCheckTests"))
        .isEqualTo("gateway");
    assertThat(FeatureNames.of("dev.pyramid.e2e.RideCancellationIT")).isEqualTo("rides");
    assertThat(FeatureNames.of("dev.pyramid.e2e.EtaBufferFlagIT")).isEqualTo("feature flags");
    assertThat(FeatureNames.of("dev.pyramid.reporting.decision.GateTests")).isEqualTo("gate");
    assertThat(FeatureNames.of("com.example.billing.InvoiceTests")).isEqualTo("billing");
  }
}
