package dev.pyramid.reporting.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Pact JVM provider-verification JSON reports ({@code -Dpact.verification.reports=json}), one
 * file per provider, {@code reportFormat} 0.1.0.
 *
 * <p>Shape, from Pact JVM 4.7's {@code JsonReporter}: {@code provider.name}, and {@code
 * execution[]}, each with {@code consumer.name}, {@code interactions[].verification.result} ("OK"
 * or "failed") and, when the pact could not be loaded, {@code result.state = "Pact Load Failure"}.
 * Executions of the same consumer are summed into one {@link PactVerification}; a load failure
 * counts as one failed interaction so that it can never pass. Thread-safe.
 */
final class PactReportReader implements EvidenceReader<List<PactVerification>> {

  /** Started up on first read, not when a collector is made. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Override
  public String key() {
    return "pact-reports";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.CONTRACT ? List.of("**/target/pact/reports/*.json") : List.of();
  }

  @Override
  public List<PactVerification> read(Path file, byte[] bytes, int length)
      throws UnreadableEvidenceException {
    return read(file, Arrays.copyOf(bytes, length));
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<List<PactVerification>> reports) {
    for (List<PactVerification> report : reports) {
      layer.addPacts(report);
    }
  }

  static byte[] bytes(Path file) throws UnreadableEvidenceException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The JSON object in {@code bytes}, or throws naming {@code file} and the reason. */
  static JsonNode tree(Path file, byte[] bytes) throws UnreadableEvidenceException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new UnreadableEvidenceException(
          file, "not valid JSON (truncated?): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new UnreadableEvidenceException(file, "empty, or not a JSON object");
    }
    return root;
  }

  /** Reads a verification report, or throws naming it and the reason. */
  public List<PactVerification> read(Path file) throws UnreadableEvidenceException {
    return read(file, bytes(file));
  }

  /** Reads the verification report {@code file} whose content is {@code bytes}. */
  public List<PactVerification> read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    JsonNode root = tree(file, bytes);
    String provider = root.path("provider").path("name").asText("");
    JsonNode executions = root.path("execution");
    if (provider.isEmpty() || !executions.isArray()) {
      throw new UnreadableEvidenceException(
          file, "not a Pact JVM verification report: no provider.name or execution[]");
    }
    Map<String, int[]> perConsumer = new LinkedHashMap<>();
    Map<String, List<String>> verified = new LinkedHashMap<>();
    for (JsonNode execution : executions) {
      String consumer = execution.path("consumer").path("name").asText("");
      JsonNode interactions = execution.path("interactions");
      if (consumer.isEmpty() || !interactions.isArray()) {
        throw new UnreadableEvidenceException(
            file, "an execution without consumer.name or interactions[]");
      }
      int[] counts = perConsumer.computeIfAbsent(consumer, name -> new int[2]);
      List<String> ok = verified.computeIfAbsent(consumer, name -> new ArrayList<>());
      for (JsonNode interaction : interactions) {
        counts[0]++;
        if ("OK".equals(interaction.path("verification").path("result").asText())) {
          ok.add(interaction.path("interaction").path("description").asText(""));
        } else {
          counts[1]++;
        }
      }
      if (execution.has("result")
          && "Pact Load Failure".equals(execution.path("result").path("state").asText())) {
        counts[0]++;
        counts[1]++;
      }
    }
    List<PactVerification> pacts = new ArrayList<>();
    perConsumer.forEach(
        (consumer, counts) ->
            pacts.add(
                new PactVerification(
                    consumer, provider, counts[0], counts[1], file, verified.get(consumer))));
    return pacts;
  }
}
