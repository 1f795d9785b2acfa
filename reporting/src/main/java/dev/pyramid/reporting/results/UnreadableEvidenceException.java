package dev.pyramid.reporting.results;

import java.nio.file.Path;

/** Thrown by a reader when a result file exists but cannot be read as what it claims to be. */
final class UnreadableEvidenceException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public UnreadableEvidenceException(Path file, String reason, Throwable cause) {
    super(reason, cause);
    this.file = file;
  }

  public UnreadableEvidenceException(Path file, String reason) {
    this(file, reason, null);
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }

  /** This failure as a problem of the evidence. */
  public Problem toProblem() {
    return new Problem(file, getMessage());
  }
}
