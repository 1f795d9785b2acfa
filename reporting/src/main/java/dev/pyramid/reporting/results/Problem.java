package dev.pyramid.reporting.results;

import java.nio.file.Path;

/**
 * A result file (or run directory) that exists but could not be read as evidence, and why; or, when
 * {@code missing}, one that records evidence that was never produced (tests that could not start).
 */
public record Problem(Path file, String reason, boolean missing) {

  /** A file that could not be read or trusted. */
  public Problem(Path file, String reason) {
    this(file, reason, false);
  }

  /** A file that says the evidence it should hold was never produced. */
  public static Problem missing(Path file, String reason) {
    return new Problem(file, reason, true);
  }

  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
