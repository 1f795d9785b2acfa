package dev.pyramid.framework.internal.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import dev.pyramid.framework.api.UnitTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document's exchanges: named after its file, as the gate names services, and matched. */
@UnitTest
class DocumentExchangesTests {

  @Test
  void should_name_the_service_after_the_documents_file() {
    assertThat(DocumentExchanges.serviceOf("classpath:openapi/fleet-core.yaml"))
        .isEqualTo("fleet-core");
    assertThat(DocumentExchanges.serviceOf("file:/srv/docs/api-gateway.json"))
        .isEqualTo("api-gateway");
    assertThat(DocumentExchanges.serviceOf("http://127.0.0.1:8081/rides.yaml?v=2"))
        .isEqualTo("rides");
  }

  @Test
  void should_record_the_matched_operation_and_the_status_class(@TempDir Path folder)
      throws IOException {
    EndpointRecorder recorder = new EndpointRecorder(folder);
    OperationMatcher matcher =
        new OperationMatcher(
            new OpenAPIV3Parser()
                .readContents(
                    """
                    openapi: 3.0.3
                    info: { title: rides, version: "1" }
                    paths:
                      /rides/{id}:
                        get: { responses: { "200": { description: ok } } }
                    """)
                .getOpenAPI());
    DocumentExchanges exchanges =
        DocumentExchanges.of("classpath:openapi/rides.yaml", () -> matcher, recorder);
    recorder.enter("e2e");

    exchanges.exchanged(Request.Method.GET, "/rides/r-1", 404);
    exchanges.exchanged(Request.Method.PUT, "/rides/r-1", 405);
    recorder.flush();

    Path file = folder.resolve("e2e-" + ProcessHandle.current().pid() + ".jsonl");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "{\"service\":\"rides\",\"document\":\"classpath:openapi/rides.yaml\",\"operation\":null,"
                + "\"unmatched\":\"no-method\",\"request\":\"PUT /rides/r-1\",\"status\":\"4xx\",\"count\":1}",
            "{\"service\":\"rides\",\"document\":\"classpath:openapi/rides.yaml\","
                + "\"operation\":\"GET /rides/{id}\",\"status\":\"4xx\",\"count\":1}");
  }
}
