package dev.pyramid.reporting.render;

import static dev.pyramid.reporting.results.Layer.CONTRACT;
import static dev.pyramid.reporting.results.Layer.E2E;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.Endpoints;
import dev.pyramid.reporting.results.EndpointMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint map in the Allure report: a result per documented operation, skipped when no layer
 * exercised it, with the service's map attached.
 */
@UnitTest
class EndpointMapResultsTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path results;

  private List<JsonNode> write(EndpointMap map) throws IOException {
    List<JsonNode> written = new ArrayList<>();
    for (Path file : EndpointMapResults.write(map, results, 1_000L)) {
      written.add(JSON.readTree(file.toFile()));
    }
    return written;
  }

  @Test
  void should_pass_an_exercised_operation_and_skip_one_no_layer_exercised() throws IOException {
    EndpointMap map =
        EndpointMap.of(
            new Endpoints()
                .document("fleet-core", "GET /health", "POST /v1/rides")
                .recorded(E2E, "fleet-core POST /v1/rides 2xx 2", "fleet-core POST /v1/rides 5xx 1")
                .evidence(),
            List.of(CONTRACT, E2E));

    List<JsonNode> written = write(map);

    assertThat(written)
        .extracting(r -> r.path("name").asText() + ": " + r.path("status").asText())
        .containsExactly("GET /health: skipped", "POST /v1/rides: passed");
    JsonNode post = written.get(1);
    assertThat(post.path("statusDetails").path("message").asText())
        .isEqualTo("exercised by e2e (2xx 2, 5xx 1)");
    assertThat(post.path("labels").toString())
        .contains("{\"name\":\"parentSuite\",\"value\":\"gate\"}")
        .contains("{\"name\":\"suite\",\"value\":\"endpoint coverage\"}")
        .contains("{\"name\":\"subSuite\",\"value\":\"fleet-core\"}");
    assertThat(post.path("parameters").toString())
        .isEqualTo("[{\"name\":\"e2e\",\"value\":\"2xx 2, 5xx 1\"}]");
    assertThat(written.get(0).path("statusDetails").path("message").asText())
        .isEqualTo(
            "no layer's tests sent a request to this operation (layers that recorded exchanges: e2e)");
    String attachment = post.path("attachments").get(0).path("source").asText();
    assertThat(Files.readString(results.resolve(attachment)))
        .contains("<tr class=\"none\"><td><code>GET /health</code> <b>none</b></td><td>-</td></tr>")
        .contains("<td>2xx 2, 5xx 1</td>");
  }

  @Test
  void should_write_nothing_for_a_service_whose_document_the_gate_did_not_read()
      throws IOException {
    EndpointMap map =
        EndpointMap.of(
            new Endpoints().recorded(E2E, "billing GET /v1/invoices 2xx 1").evidence(),
            List.of(E2E));

    assertThat(write(map)).isEmpty();
  }
}
