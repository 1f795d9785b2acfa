package dev.pyramid.reporting.results;

/**
 * Test counts of a layer, as the result files state them.
 *
 * <p>{@code tests} includes skipped tests; {@code passed = tests - failed - errored - skipped}.
 */
public record Counts(int tests, int passed, int failed, int errored, int skipped) {

  /** No tests at all. */
  public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

  /** Tests that ran: passed, failed or errored (skipped ones did not run). */
  public int executed() {
    return passed + failed + errored;
  }

  /** The sum of both counts, e.g. of two report files. */
  public Counts plus(Counts other) {
    return new Counts(
        tests + other.tests,
        passed + other.passed,
        failed + other.failed,
        errored + other.errored,
        skipped + other.skipped);
  }
}
