package dev.pyramid.reporting.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the exchanges the framework's spec validation recorded per layer ({@code
 * target/pyramid/endpoints/<layer>-<pid>.jsonl}; a header line {@code {"pyramid": "endpoints",
 * "schemaVersion": 1, "layer": ...}}, then one line per document, operation and status class), for
 * endpoint coverage. The layer a file names must be one whose globs matched it. A line not of this
 * format (not JSON, a field missing or of the wrong type, a newer schema) is unreadable evidence
 * naming the file, the line and the field: endpoint coverage fails closed on it. Thread-safe.
 */
final class EndpointExchangesReader implements EvidenceReader<EndpointExchanges> {

  /** The schema version this gate reads. */
  static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OPERATION = Pattern.compile("[A-Z]+ /\\S*");
  private static final Pattern STATUS = Pattern.compile("[1-5]xx");
  private static final Set<String> UNMATCHED = Set.of("no-path", "no-method");

  @Override
  public String key() {
    return "endpoints";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.PERF
        ? List.of()
        : List.of("**/target/pyramid/endpoints/" + layer.id() + "-*.jsonl");
  }

  @Override
  public EndpointExchanges read(Path file, byte[] bytes, int length)
      throws UnreadableEvidenceException {
    try {
      return read(file, new String(bytes, 0, length, StandardCharsets.UTF_8));
    } catch (UnreadableEvidenceException e) {
      throw new UnreadableEvidenceException(file, e.getMessage() + "; " + FIX, e);
    }
  }

  private EndpointExchanges read(Path file, String text) throws UnreadableEvidenceException {
    String[] lines = text.split("\n", -1);
    PyramidJson header = fields(file, 1);
    JsonNode first = parse(file, lines[0], 1);
    header.read(lines[0].getBytes(StandardCharsets.UTF_8));
    Layer layer =
        Layer.byId(header.text(first, "layer"))
            .filter(l -> l != Layer.PERF)
            .orElseThrow(() -> header.wrong("layer", "unit, contract, e2e or ui"));
    List<EndpointExchanges.Exchanged> exchanges = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      exchanges.add(exchange(file, parse(file, lines[i], i + 1), i + 1));
    }
    return new EndpointExchanges(file, layer, exchanges);
  }

  @Override
  public int layers(Path path, EndpointExchanges value, int matching)
      throws UnreadableEvidenceException {
    int bit = 1 << value.layer().ordinal();
    if ((matching & bit) == 0) {
      throw new UnreadableEvidenceException(
          path,
          "records the "
              + value.layer().id()
              + " layer's exchanges, but lies where the policy's sources look for another"
              + " layer's (sources.<layer>.endpoints): move it, or fix the glob");
    }
    return bit;
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<EndpointExchanges> files) {
    layer.addEndpointExchanges(files);
  }

  private static EndpointExchanges.Exchanged exchange(Path file, JsonNode node, int line)
      throws UnreadableEvidenceException {
    PyramidJson fields = fields(file, line);
    fields.object(node, "line");
    String service = fields.text(node, "service");
    String document = fields.text(node, "document");
    JsonNode operation = fields.present(node, "operation");
    String status = fields.text(node, "status");
    if (!STATUS.matcher(status).matches()) {
      throw fields.wrong("status", "a status class such as \"2xx\"");
    }
    JsonNode count = node.path("count");
    if (!count.canConvertToInt() || !count.isIntegralNumber() || count.asInt() < 1) {
      throw fields.wrong("count", "a whole number, at least 1");
    }
    if (operation.isNull()) {
      String unmatched = fields.text(node, "unmatched");
      if (!UNMATCHED.contains(unmatched)) {
        throw fields.wrong("unmatched", "\"no-path\" or \"no-method\"");
      }
      return new EndpointExchanges.Exchanged(
          service,
          document,
          Optional.empty(),
          unmatched,
          fields.text(node, "request"),
          status,
          count.asInt(),
          line);
    }
    if (!operation.isTextual() || !OPERATION.matcher(operation.asText()).matches()) {
      throw fields.wrong("operation", "an operation such as \"GET /v2/rides/{id}\", or null");
    }
    return new EndpointExchanges.Exchanged(
        service, document, Optional.of(operation.asText()), "", "", status, count.asInt(), line);
  }

  private static JsonNode parse(Path file, String text, int line)
      throws UnreadableEvidenceException {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new UnreadableEvidenceException(file, "line " + line + ": not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new UnreadableEvidenceException(
          file, "line " + line + ": not valid JSON (truncated?): " + e.getOriginalMessage(), e);
    }
  }

  // The framework writes these files whole; a bad one was edited, truncated or is another's.
  private static final String FIX =
      "the framework's spec validation writes these files (ApiSpecs with an OpenAPI document):"
          + " run the layer's tests again, or narrow sources.<layer>.endpoints to the files it writes";

  private static PyramidJson fields(Path file, int line) {
    return new PyramidJson(
        file,
        "endpoints",
        SCHEMA_VERSION,
        "sources.<layer>.endpoints",
        "the framework",
        "line " + line + ": ");
  }
}
