package dev.pyramid.reporting.conditions;

import java.nio.file.Path;
import java.util.List;

/**
 * What a condition kind found in the evidence.
 *
 * @param expected the bound as reports show it, e.g. {@code <= 0} or {@code all verified}
 * @param actual what the evidence shows, e.g. {@code 2}; {@code n/a} when it cannot be read
 * @param evidence the files the actual value comes from
 * @param note why, when the numbers alone do not say it (quarantine, no baseline, what failed);
 *     empty otherwise
 * @param tests the test ids the actual value counts, when it counts tests that reports must name
 *     (the vanished ones); empty otherwise
 */
public record Finding(
    String expected,
    String actual,
    Verdict verdict,
    List<Path> evidence,
    String note,
    List<String> tests) {

  public Finding {
    evidence = List.copyOf(evidence);
    tests = List.copyOf(tests);
  }

  /** A finding that names no tests. */
  public Finding(
      String expected, String actual, Verdict verdict, List<Path> evidence, String note) {
    this(expected, actual, verdict, evidence, note, List.of());
  }
}
