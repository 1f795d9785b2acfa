package dev.pyramid.reporting.results;

import java.util.Map;

/**
 * The performance figures of the last build promoted to a stage, which relative conditions compare
 * with.
 *
 * @param metrics request name ("All Requests" for the whole run) to metric ({@code p95, p99, max,
 *     error-pct, throughput}) to value
 */
public record Baseline(
    String stage, String commit, String buildId, Map<String, Map<String, Double>> metrics) {

  public Baseline {
    metrics = Map.copyOf(metrics);
  }
}
