package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The framework's endpoint files read back, and every way one can be wrong refused with the file,
 * the line and the fix.
 */
@UnitTest
class EndpointExchangesReaderTests {
  private static final Path FILE = Path.of("e2e-tests/target/pyramid/endpoints/e2e-41.jsonl");
  private static final String HEADER =
      "{\"pyramid\":\"endpoints\",\"schemaVersion\":1,\"layer\":\"e2e\"}\n";
  private static final String DOC = "\"document\":\"classpath:openapi/api-gateway.yaml\"";

  private final EndpointExchangesReader reader = new EndpointExchangesReader();

  private EndpointExchanges read(String text) throws UnreadableEvidenceException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // The collector's buffer is larger than the file: only [0, length) is the file.
    byte[] buffer = new byte[bytes.length + 16];
    System.arraycopy(bytes, 0, buffer, 0, bytes.length);
    return reader.read(FILE, buffer, bytes.length);
  }

  private static String line(String fields) {
    return "{\"service\":\"api-gateway\"," + DOC + "," + fields + "}\n";
  }

  @Test
  void should_read_operations_and_unmatched_requests_with_their_lines() throws Exception {
    EndpointExchanges read =
        read(
            HEADER
                + line("\"operation\":\"GET /v2/rides/{id}\",\"status\":\"2xx\",\"count\":3")
                + line(
                    "\"operation\":null,\"unmatched\":\"no-path\",\"request\":\"GET /v9/x\","
                        + "\"status\":\"4xx\",\"count\":1"));

    assertThat(read.layer()).isEqualTo(Layer.E2E);
    assertThat(read.exchanges())
        .containsExactly(
            new EndpointExchanges.Exchanged(
                "api-gateway",
                "classpath:openapi/api-gateway.yaml",
                Optional.of("GET /v2/rides/{id}"),
                "",
                "",
                "2xx",
                3,
                2),
            new EndpointExchanges.Exchanged(
                "api-gateway",
                "classpath:openapi/api-gateway.yaml",
                Optional.empty(),
                "no-path",
                "GET /v9/x",
                "4xx",
                1,
                3));
  }

  @Test
  void should_read_a_layer_that_recorded_nothing_but_its_header() throws Exception {
    assertThat(read(HEADER).exchanges()).isEmpty();
  }

  @Test
  void should_name_the_line_and_the_fix_of_a_line_cut_off() {
    assertThatThrownBy(
            () ->
                read(
                    HEADER
                        + line("\"operation\":\"GET /health\",\"status\":\"2xx\",\"count\":1")
                        + "{\"service\":\"api-gat"))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageStartingWith("line 3: not valid JSON (truncated?)")
        .hasMessageContaining("run the layer's tests again")
        .satisfies(e -> assertThat(((UnreadableEvidenceException) e).file()).isEqualTo(FILE));
  }

  @Test
  void should_name_the_line_and_the_field_that_is_wrong() {
    assertThatThrownBy(
            () ->
                read(HEADER + line("\"operation\":\"GET /health\",\"status\":\"200\",\"count\":1")))
        .hasMessageStartingWith(
            "line 2: \"status\" is not a status class such as \"2xx\" (endpoints schemaVersion 1)");
    assertThatThrownBy(
            () ->
                read(HEADER + line("\"operation\":\"GET /health\",\"status\":\"2xx\",\"count\":0")))
        .hasMessageStartingWith("line 2: \"count\" is not a whole number, at least 1");
    assertThatThrownBy(() -> read(HEADER + line("\"status\":\"2xx\",\"count\":1")))
        .hasMessageStartingWith("line 2: \"operation\" is missing");
    assertThatThrownBy(
            () -> read(HEADER + line("\"operation\":\"/health\",\"status\":\"2xx\",\"count\":1")))
        .hasMessageStartingWith(
            "line 2: \"operation\" is not an operation such as \"GET /v2/rides/{id}\", or null");
    assertThatThrownBy(
            () ->
                read(
                    HEADER
                        + line(
                            "\"operation\":null,\"unmatched\":\"lost\",\"request\":\"GET /\","
                                + "\"status\":\"4xx\",\"count\":1")))
        .hasMessageStartingWith("line 2: \"unmatched\" is not \"no-path\" or \"no-method\"");
  }

  @Test
  void should_refuse_a_file_of_another_format_a_newer_schema_or_no_layer() {
    assertThatThrownBy(() -> read("{\"pyramid\":\"flag-evaluations\",\"schemaVersion\":1}\n"))
        .hasMessageStartingWith(
            "line 1: not a Pyramid endpoints file: \"pyramid\" is \"flag-evaluations\"");
    assertThatThrownBy(() -> read(HEADER.replace("\"schemaVersion\":1", "\"schemaVersion\":2")))
        .hasMessageStartingWith("line 1: schemaVersion 2 is newer than this gate reads (1)");
    assertThatThrownBy(() -> read(HEADER.replace("e2e", "perf")))
        .hasMessageStartingWith("line 1: \"layer\" is not unit, contract, e2e or ui");
    assertThatThrownBy(() -> read(""))
        .hasMessageStartingWith("line 1: not a JSON object")
        .hasMessageContaining("narrow sources.<layer>.endpoints");
  }

  @Test
  void should_refuse_a_file_that_lies_where_another_layer_is_looked_for() throws Exception {
    EndpointExchanges e2e = read(HEADER);
    int contractOnly = 1 << Layer.CONTRACT.ordinal();

    assertThatThrownBy(() -> reader.layers(FILE, e2e, contractOnly))
        .hasMessageContaining("records the e2e layer's exchanges")
        .hasMessageContaining("(sources.<layer>.endpoints)");
    assertThat(reader.layers(FILE, e2e, contractOnly | 1 << Layer.E2E.ordinal()))
        .isEqualTo(1 << Layer.E2E.ordinal());
  }

  @Test
  void should_look_where_the_framework_writes_for_every_layer_but_perf() {
    assertThat(reader.defaultGlobs(Layer.CONTRACT))
        .containsExactly("**/target/pyramid/endpoints/contract-*.jsonl");
    assertThat(reader.defaultGlobs(Layer.PERF)).isEmpty();
  }
}
