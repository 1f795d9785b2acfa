package dev.pyramid.reporting.conditions;

/** The verdict on one layer or one condition. */
public enum Verdict {
  /** The evidence is there and meets the condition. */
  PASS,
  /** The evidence is there and does not meet the condition. */
  FAIL,
  /** No evidence: no result files, or zero tests executed. */
  MISSING,
  /**
   * Result files exist but could not be read or trusted (truncated, not JUnit, tampered,
   * foreign...).
   */
  UNREADABLE,
  /**
   * A relative condition with no baseline yet (no build was promoted to the stage): it does not
   * fail, and every rendering says so.
   */
  NO_BASELINE;

  /** Lower-case, as written in reports, e.g. {@code no-baseline}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** True for the verdicts that do not stop a promotion. */
  public boolean passes() {
    return this == PASS || this == NO_BASELINE;
  }
}
