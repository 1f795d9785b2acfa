package dev.pyramid.reporting.metrics;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link HistoryScan} could read of a history file.
 *
 * @param file the history file
 * @param entries the lines read, oldest first, less those left out
 * @param leftOut the lines left out, each with why; empty when the whole file was read
 */
public record ScannedHistory(Path file, List<HistoryEntry> entries, List<LeftOut> leftOut) {

  public ScannedHistory {
    entries = List.copyOf(entries);
    leftOut = List.copyOf(leftOut);
  }

  /** A line that metrics do not count, and why: {@code message} names the line and the fix. */
  public record LeftOut(int line, String message) {}

  /** True when some lines could not be used: what is computed covers the readable part only. */
  public boolean isPartial() {
    return !leftOut.isEmpty();
  }
}
