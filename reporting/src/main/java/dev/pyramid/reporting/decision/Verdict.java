package dev.pyramid.reporting.decision;

/** The verdict on one layer or one condition. */
public enum Verdict {
  /** The evidence is there and meets the condition. */
  PASS,
  /** The evidence is there and does not meet the condition. */
  FAIL,
  /** No evidence: no result files, or zero tests executed. */
  MISSING,
  /** Result files exist but could not be read (truncated, not JUnit, crashed run...). */
  UNREADABLE;

  /** Lower-case, as written in reports. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
