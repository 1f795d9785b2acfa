package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row of a Gatling run's statistics table: a request, or "All Requests" for the whole run.
 *
 * @param koPercent the "% KO" column, or null when it shows "-"
 * @param perSecond the "Cnt/s" column, or null when it shows "-"
 * @param responseTimesMs column label (e.g. "Min", "95th pct", "Max", "Mean", "Std Dev") to value
 *     in milliseconds, in the report's column order; a column showing "-" is absent
 */
public record RequestStats(
    String simulation,
    String name,
    long total,
    long ok,
    long ko,
    Double koPercent,
    Double perSecond,
    Map<String, Double> responseTimesMs,
    Path source) {

  /** True for the row that sums every request of the run. */
  public boolean isGlobal() {
    return "All Requests".equals(name);
  }
}
