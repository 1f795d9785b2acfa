package dev.pyramid.reporting.results;

import java.nio.file.Path;

/**
 * The provider verification of one pact (consumer to provider), as Pact JVM's JSON report states it.
 *
 * @param interactions interactions verified or attempted
 * @param failed interactions whose verification failed (including a pact that failed to load)
 */
public record PactVerification(
    String consumer, String provider, int interactions, int failed, Path source) {

  /** Interactions whose verification passed. */
  public int verified() {
    return interactions - failed;
  }
}
