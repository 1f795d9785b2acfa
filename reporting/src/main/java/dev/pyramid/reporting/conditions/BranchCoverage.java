package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Coverage;

/**
 * {@code min-branch-coverage}: JaCoCo branch coverage of a layer's tests, all reports summed, at
 * least P %.
 */
final class BranchCoverage extends CoverageKind {

  @Override
  public String key() {
    return "min-branch-coverage";
  }

  @Override
  public String summary() {
    return "JaCoCo branch coverage of the layer's tests (unit unless a layer is named; all reports summed) >= P %";
  }

  @Override
  public String example() {
    return "{ min-branch-coverage: 60 }";
  }

  @Override
  double percent(Coverage coverage) {
    return coverage.branchPercent();
  }
}
