package dev.pyramid.reporting.results;

import java.nio.file.Path;

/**
 * Line and branch coverage of one JaCoCo XML report, from its report-level counters.
 *
 * @param source the jacoco.xml it was read from
 */
public record Coverage(
    long linesCovered, long linesMissed, long branchesCovered, long branchesMissed, Path source) {

  /** The sum of both reports' counters (several modules make one figure). */
  public Coverage plus(Coverage other) {
    return new Coverage(
        linesCovered + other.linesCovered,
        linesMissed + other.linesMissed,
        branchesCovered + other.branchesCovered,
        branchesMissed + other.branchesMissed,
        source);
  }

  /** Covered lines in percent, or NaN when the report counts no line. */
  public double linePercent() {
    return percent(linesCovered, linesMissed);
  }

  /** Covered branches in percent, or NaN when the report counts no branch. */
  public double branchPercent() {
    return percent(branchesCovered, branchesMissed);
  }

  private static double percent(long covered, long missed) {
    long total = covered + missed;
    return total == 0 ? Double.NaN : 100.0 * covered / total;
  }
}
