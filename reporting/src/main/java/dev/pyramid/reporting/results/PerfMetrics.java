package dev.pyramid.reporting.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The performance figures the policy names ({@code p95, p99, max} in ms, {@code error-pct}, {@code
 * throughput} in requests/s) per request, from Gatling's statistics rows. When several runs hold
 * the same request, the worst value counts.
 */
public final class PerfMetrics {

  /** The metric names, as in the policy. */
  public static final List<String> NAMES = List.of("p95", "p99", "max", "error-pct", "throughput");

  private PerfMetrics() {}

  /** Request name to metric to value; a metric the report does not show is absent. */
  public static Map<String, Map<String, Double>> of(List<RequestStats> rows) {
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    for (RequestStats row : rows) {
      Map<String, Double> values = metrics.computeIfAbsent(row.name(), n -> new LinkedHashMap<>());
      worst(values, "p95", row.responseTimesMs().get("95th pct"), true);
      worst(values, "p99", row.responseTimesMs().get("99th pct"), true);
      worst(values, "max", row.responseTimesMs().get("Max"), true);
      worst(values, "error-pct", row.koPercent(), true);
      worst(values, "throughput", row.perSecond(), false);
    }
    return metrics;
  }

  private static void worst(
      Map<String, Double> values, String metric, Double value, boolean higherIsWorse) {
    if (value == null) {
      return;
    }
    values.merge(metric, value, (a, b) -> higherIsWorse ? Math.max(a, b) : Math.min(a, b));
  }
}
