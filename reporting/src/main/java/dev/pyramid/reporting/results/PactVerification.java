package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;

/**
 * The provider verification of one pact (consumer to provider), as Pact JVM's JSON report states
 * it.
 *
 * @param interactions interactions verified or attempted
 * @param failed interactions whose verification failed (including a pact that failed to load)
 * @param verifiedDescriptions descriptions of the interactions whose verification passed
 */
public record PactVerification(
    String consumer,
    String provider,
    int interactions,
    int failed,
    Path source,
    List<String> verifiedDescriptions) {

  public PactVerification {
    verifiedDescriptions = List.copyOf(verifiedDescriptions);
  }

  /** Interactions whose verification passed. */
  public int verified() {
    return interactions - failed;
  }
}
