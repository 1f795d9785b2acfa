package dev.pyramid.reporting.render;

/** Formats a condition's weight: "2", "0.5". */
final class Weight {

  private Weight() {}

  static String of(double weight) {
    return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
  }
}
