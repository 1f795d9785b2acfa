package dev.pyramid.reporting.conditions;

import java.util.Locale;

/** How figures are written in findings: whole numbers without decimals, others with two. */
final class Numbers {

  private Numbers() {}

  static String format(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
