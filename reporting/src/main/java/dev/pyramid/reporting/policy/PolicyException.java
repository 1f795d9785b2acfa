package dev.pyramid.reporting.policy;

import java.nio.file.Path;

/** The policy file is missing, malformed or inconsistent; the message names file, line and key. */
public final class PolicyException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String key;

  public PolicyException(Path file, int line, String key, String reason, Throwable cause) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + (key.isEmpty() ? "" : " [" + key + "]")
            + ": "
            + reason,
        cause);
    this.file = file;
    this.line = line;
    this.key = key;
  }

  public PolicyException(Path file, int line, String key, String reason) {
    this(file, line, key, reason, null);
  }

  /** The policy file. */
  public Path file() {
    return file;
  }

  /**
   * The 1-based line of the offending key, or 0 when the problem has no line (e.g. a missing file).
   */
  public int line() {
    return line;
  }

  /**
   * The dotted key the problem is about, e.g. {@code conditions.unit.max-failures}; may be empty.
   */
  public String key() {
    return key;
  }
}
