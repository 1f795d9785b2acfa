package dev.pyramid.reporting.results;

import java.nio.file.Path;

/**
 * One test case as a result file states it.
 *
 * @param message the failure, error or skip message; empty when passed
 * @param source the report file it was read from
 * @param flaky true when the test failed at least once and then passed on a rerun (Surefire's
 *     {@code flakyFailure}/{@code flakyError}, Allure's retries); its status is then PASSED
 */
public record TestCase(
    String className,
    String name,
    double timeSeconds,
    Status status,
    String message,
    Path source,
    boolean flaky) {

  /** A test case that was not rerun. */
  public TestCase(
      String className,
      String name,
      double timeSeconds,
      Status status,
      String message,
      Path source) {
    this(className, name, timeSeconds, status, message, source, false);
  }

  /**
   * The id quarantine entries and duplicate checks use: {@code className#name}, or the name alone.
   */
  public String id() {
    return className.isEmpty() ? name : className + "#" + name;
  }

  /** True for a failed or errored test. */
  public boolean isFailure() {
    return status == Status.FAILED || status == Status.ERRORED;
  }

  /** The outcome a report records for a test case. */
  public enum Status {
    PASSED,
    FAILED,
    ERRORED,
    SKIPPED
  }
}
