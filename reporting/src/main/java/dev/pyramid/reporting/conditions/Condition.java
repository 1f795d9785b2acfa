package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One condition of a stage, as the policy states it.
 *
 * @param id unique in its stage, e.g. {@code unit.max-failures}, {@code perf.p95[book a ride]}
 * @param kind what is judged and how
 * @param layer the layer it is about; null for a kind that compares layers
 * @param threshold what the actual value is held to; null for a condition whose value is {@code
 *     true}
 * @param options the kind's own options as written, e.g. {@code request}; a map option by its
 *     entries, each under its dotted key ({@code sunset.v1})
 * @param blocking true: failing blocks outright; false: it weighs into the score
 * @param weight its weight in the score (non-blocking only)
 * @param line the policy line it was written on
 */
public record Condition(
    String id,
    ConditionKind kind,
    Layer layer,
    Threshold threshold,
    Map<String, String> options,
    boolean blocking,
    double weight,
    int line) {

  public Condition {
    options = Map.copyOf(options);
  }

  /** The kind's option {@code name}, if the policy gives it. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /**
   * The entries of the kind's map option {@code name}, by key, in key order; empty when the policy
   * gives none.
   */
  public Map<String, String> optionMap(String name) {
    Map<String, String> entries = new TreeMap<>();
    options.forEach(
        (key, value) -> {
          if (key.startsWith(name + ".")) {
            entries.put(key.substring(name.length() + 1), value);
          }
        });
    return entries;
  }

  /** The bound as reports show it, e.g. {@code <= 0}; {@code true} for a condition without one. */
  public String expected() {
    return threshold == null ? "true" : threshold.toString();
  }
}
