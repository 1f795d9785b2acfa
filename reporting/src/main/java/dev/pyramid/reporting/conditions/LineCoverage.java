package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Coverage;

/**
 * {@code min-line-coverage}: JaCoCo line coverage of a layer's tests, all reports summed, at least
 * P %.
 */
final class LineCoverage extends CoverageKind {

  @Override
  public String key() {
    return "min-line-coverage";
  }

  @Override
  public String summary() {
    return "JaCoCo line coverage of the layer's tests (unit unless a layer is named; all reports summed) >= P %";
  }

  @Override
  public String example() {
    return "{ min-line-coverage: 80 }";
  }

  @Override
  double percent(Coverage coverage) {
    return coverage.linePercent();
  }
}
