package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What relative conditions compare a build with: the last build promoted to a stage, its
 * performance figures and the tests it executed.
 *
 * @param metrics request name ("All Requests" for the whole run) to metric ({@code p95, p99, max,
 *     error-pct, throughput}) to value
 * @param tests the tests it executed, read when a condition asks
 * @param api the OpenAPI documents of its services, as {@code pyramid promote} kept them; none when
 *     it kept none
 */
public record Baseline(
    String stage,
    String commit,
    String buildId,
    Map<String, Map<String, Double>> metrics,
    BaselineTests tests,
    List<Path> api) {

  public Baseline {
    metrics = Map.copyOf(metrics);
    api = List.copyOf(api);
  }

  /** A baseline with no API documents kept. */
  public Baseline(
      String stage,
      String commit,
      String buildId,
      Map<String, Map<String, Double>> metrics,
      BaselineTests tests) {
    this(stage, commit, buildId, metrics, tests, List.of());
  }
}
