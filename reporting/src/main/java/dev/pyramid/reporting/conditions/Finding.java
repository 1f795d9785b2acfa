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
 * @param items what the actual value counts, one by one, when reports must name each (the vanished
 *     tests' ids, the breaking API changes); empty otherwise
 */
public record Finding(
    String expected,
    String actual,
    Verdict verdict,
    List<Path> evidence,
    String note,
    List<String> items) {

  public Finding {
    evidence = List.copyOf(evidence);
    items = List.copyOf(items);
  }

  /** A finding that names no items. */
  public Finding(
      String expected, String actual, Verdict verdict, List<Path> evidence, String note) {
    this(expected, actual, verdict, evidence, note, List.of());
  }
}
