package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;

/**
 * A pact as the consumer tests wrote it ({@code target/pacts/<consumer>-<provider>.json}): the
 * interactions a provider verification must cover.
 *
 * @param interactions each interaction's description (Pact's own key for matching a verification)
 */
public record PactFile(String consumer, String provider, List<String> interactions, Path source) {

  public PactFile {
    interactions = List.copyOf(interactions);
  }
}
