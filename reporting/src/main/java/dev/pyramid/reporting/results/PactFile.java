package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;

/**
 * A pact as the consumer tests wrote it ({@code target/pacts/<consumer>-<provider>.json}): the
 * interactions a provider verification must cover.
 *
 * @param interactions each interaction's description (Pact's own key for matching a verification)
 * @param sha256 the SHA-256 of the bytes it was read from (lower-case hex), which names this very
 *     pact wherever it was copied to (a stage's kept pacts, a verification against a stage)
 */
public record PactFile(
    String consumer, String provider, List<String> interactions, Path source, String sha256) {

  public PactFile {
    interactions = List.copyOf(interactions);
  }
}
