package dev.pyramid.reporting.results;

/**
 * Test counts of a layer, as the result files state them.
 *
 * <p>{@code tests} includes skipped tests; {@code passed = tests - failed - errored - skipped}.
 * {@code flaky} counts tests that failed at first and passed on a rerun: they are also counted in
 * {@code passed}, never in {@code failed}.
 */
public record Counts(int tests, int passed, int failed, int errored, int skipped, int flaky) {

  /** No tests at all. */
  public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

  /** Counts without flaky tests. */
  public Counts(int tests, int passed, int failed, int errored, int skipped) {
    this(tests, passed, failed, errored, skipped, 0);
  }

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
        skipped + other.skipped,
        flaky + other.flaky);
  }

  /** Counts of {@code cases}. */
  public static Counts of(Iterable<TestCase> cases) {
    int tests = 0;
    int passed = 0;
    int failed = 0;
    int errored = 0;
    int skipped = 0;
    int flaky = 0;
    for (TestCase testCase : cases) {
      tests++;
      switch (testCase.status()) {
        case PASSED -> passed++;
        case FAILED -> failed++;
        case ERRORED -> errored++;
        case SKIPPED -> skipped++;
      }
      if (testCase.flaky()) {
        flaky++;
      }
    }
    return new Counts(tests, passed, failed, errored, skipped, flaky);
  }
}
