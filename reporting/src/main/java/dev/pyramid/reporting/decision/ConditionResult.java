package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.results.Layer;
import java.nio.file.Path;
import java.util.List;

/**
 * The verdict on one policy condition, with the numbers it was decided on.
 *
 * @param id e.g. {@code "unit.max-failures"}
 * @param expected the condition as the policy states it, e.g. {@code "<= 0"}
 * @param actual what the evidence shows, e.g. {@code "2"}; {@code "n/a"} when there is no evidence
 * @param evidence the files the actual value comes from
 */
public record ConditionResult(
    String id, Layer layer, String expected, String actual, Verdict verdict, List<Path> evidence) {

  public ConditionResult {
    evidence = List.copyOf(evidence);
  }
}
