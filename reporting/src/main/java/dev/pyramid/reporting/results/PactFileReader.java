package dev.pyramid.reporting.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.internal.files.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads pact files: every interaction of each must be verified by the contract layer. Thread-safe.
 */
final class PactFileReader implements EvidenceReader<PactFile> {

  @Override
  public String key() {
    return "pacts";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.CONTRACT ? List.of("**/target/pacts/*.json") : List.of();
  }

  @Override
  public PactFile read(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    return read(file, Arrays.copyOf(bytes, length));
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<PactFile> pacts) {
    layer.addPactFiles(pacts);
  }

  /**
   * Reads a pact file (Pact specification 2 to 4, {@code consumer.name}, {@code provider.name},
   * {@code interactions[].description}), or throws naming it and the reason.
   */
  public PactFile read(Path file) throws UnreadableEvidenceException {
    return read(file, PactReportReader.bytes(file));
  }

  /**
   * Reads the pact {@code file} whose content is {@code bytes} (read once by the caller, who also
   * hashes it).
   */
  public PactFile read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    JsonNode root = PactReportReader.tree(file, bytes);
    String consumer = root.path("consumer").path("name").asText("");
    String provider = root.path("provider").path("name").asText("");
    JsonNode interactions = root.path("interactions");
    if (consumer.isEmpty() || provider.isEmpty() || !interactions.isArray()) {
      throw new UnreadableEvidenceException(
          file, "not a pact file: no consumer.name, provider.name or interactions[]");
    }
    List<String> descriptions = new ArrayList<>();
    for (JsonNode interaction : interactions) {
      String description = interaction.path("description").asText("");
      if (description.isEmpty()) {
        throw new UnreadableEvidenceException(file, "an interaction without a description");
      }
      descriptions.add(description);
    }
    // Hashed again, not taken from the collector, which hands readers no digest: pacts are few.
    return new PactFile(consumer, provider, descriptions, file, Sha256.of(bytes));
  }
}
