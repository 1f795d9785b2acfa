package dev.pyramid.reporting.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measured durations and their percentiles by nearest rank: the p-th percentile of n values is the
 * ceil(p n)-th smallest, always one of the values measured (no interpolation, so a test can state
 * it exactly).
 */
public record Durations(List<Duration> sorted) {

  public Durations {
    List<Duration> copy = new ArrayList<>(sorted);
    Collections.sort(copy);
    sorted = List.copyOf(copy);
  }

  /** How many were measured. */
  public int count() {
    return sorted.size();
  }

  /** The median by nearest rank; null when none was measured. */
  public Duration median() {
    return percentile(50);
  }

  /** The 90th percentile by nearest rank; null when none was measured. */
  public Duration p90() {
    return percentile(90);
  }

  /** The {@code percent}-th percentile by nearest rank; null when none was measured. */
  public Duration percentile(int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    // ceil(percent * n / 100) in integers: 0.9 * 10 in doubles is 9.000000000000002
    int rank = (percent * sorted.size() + 99) / 100;
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
