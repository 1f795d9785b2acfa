package dev.pyramid.flags;

import java.nio.file.Path;

/**
 * A flag file (a registry, a stage's flags) that cannot be used: names the file, the line, the flag
 * (when the fault is one flag's) and the reason with the fix.
 */
public final class FlagFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String flag;
  private final String reason;

  /**
   * @param line 1-based; 0 when the fault has no line (the file is missing)
   * @param flag the flag at fault; null for the file as a whole
   */
  public FlagFileException(Path file, int line, String flag, String reason) {
    super(message(file, line, flag, reason));
    this.file = file;
    this.line = line;
    this.flag = flag;
    this.reason = reason;
  }

  public FlagFileException(Path file, int line, String flag, String reason, Throwable cause) {
    this(file, line, flag, reason);
    initCause(cause);
  }

  public Path file() {
    return file;
  }

  /** 1-based; 0 when the fault has no line. */
  public int line() {
    return line;
  }

  /** The flag at fault; null for the file as a whole. */
  public String flag() {
    return flag;
  }

  public String reason() {
    return reason;
  }

  private static String message(Path file, int line, String flag, String reason) {
    return file
        + (line > 0 ? ":" + line : "")
        + ": "
        + (flag == null ? "" : "flag \"" + flag + "\": ")
        + reason;
  }
}
