package dev.pyramid.reporting.results;

import java.nio.file.Path;

/**
 * One test case as a JUnit XML report states it.
 *
 * @param message the failure, error or skip message; empty when passed
 * @param source the report file it was read from
 */
public record TestCase(
    String className, String name, double timeSeconds, Status status, String message, Path source) {

  /** The outcome a report records for a test case. */
  public enum Status {
    PASSED,
    FAILED,
    ERRORED,
    SKIPPED
  }
}
