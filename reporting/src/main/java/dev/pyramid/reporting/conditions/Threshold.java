package dev.pyramid.reporting.conditions;

/**
 * A bound: the actual value must be {@code op} ({@code >=} or {@code <=}) {@code value}; when
 * {@code relative}, {@code value} is a change in percent of the baseline (e.g. {@code <=+10%}).
 */
public record Threshold(String op, double value, boolean relative) {

  /** An absolute bound. */
  public static Threshold absolute(String op, double value) {
    return new Threshold(op, value, false);
  }

  /** True when {@code actual} meets the bound {@code limit}. */
  public boolean met(double actual, double limit) {
    return op.equals(">=") ? actual >= limit : actual <= limit;
  }

  /** True when {@code actual} meets this absolute bound. */
  public boolean met(double actual) {
    return met(actual, value);
  }

  /** The limit for a baseline value (relative) or the value itself (absolute). */
  public double limit(double baseline) {
    return relative ? baseline * (1 + value / 100) : value;
  }

  @Override
  public String toString() {
    String number =
        value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    return relative ? op + (value >= 0 ? "+" : "") + number + "% of baseline" : op + " " + number;
  }
}
