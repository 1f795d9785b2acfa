package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.conditions.Category;
import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.results.Layer;
import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on one policy condition, with the numbers it was decided on.
 *
 * @param id e.g. {@code "unit.max-failures"}
 * @param kind the condition's policy key, e.g. {@code "max-failures"}
 * @param layer the layer it is about; null for the pyramid shape, which compares layers
 * @param expected the condition as the policy states it, e.g. {@code "<= 0"}
 * @param actual what the evidence shows, e.g. {@code "2"}; {@code "n/a"} when there is no evidence
 * @param evidence the files the actual value comes from
 * @param blocking whether failing blocks outright (else it weighs {@code weight} into the score)
 * @param note why, when the numbers alone do not say it (quarantine, no baseline); empty otherwise
 * @param items what the actual value counts, one by one, when reports must name each (the vanished
 *     tests' ids, the breaking API changes); empty otherwise
 * @param category where the report files it when it does not pass: infrastructure for missing or
 *     unreadable evidence, else its kind's category
 */
public record ConditionResult(
    String id,
    String kind,
    Layer layer,
    String expected,
    String actual,
    Verdict verdict,
    List<Path> evidence,
    boolean blocking,
    double weight,
    String note,
    List<String> items,
    Category category) {

  public ConditionResult {
    evidence = List.copyOf(evidence);
    items = List.copyOf(items);
  }

  /** The layer's name, or "all" for a condition across layers. */
  public String layerId() {
    return layer == null ? "all" : layer.id();
  }
}
