package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A kind of gate condition, such as {@code max-failures} or {@code p95}: everything the gate knows
 * about it, in one class registered in {@link ConditionKinds}.
 *
 * <p>The policy reader calls {@link #parse} once per condition of this kind in the policy; the gate
 * calls {@link #evaluate} once per decision, with the evidence of the build. Implementations are
 * stateless and thread-safe.
 */
public interface ConditionKind {

  /** The options every condition takes, whatever its kind. */
  Set<String> COMMON_OPTIONS = Set.of("layer", "id", "blocking", "weight");

  /** The policy key, e.g. {@code max-skipped}; unique in the table. */
  String key();

  /** Which layer a condition of this kind is about, and whether the policy names it. */
  Scope scope();

  /**
   * The options this kind takes besides {@link #COMMON_OPTIONS}, e.g. {@code request}; none by
   * default.
   */
  default Set<String> options() {
    return Set.of();
  }

  /**
   * One sentence for {@code pyramid policy --explain}: what is counted or measured, and the bound.
   */
  String summary();

  /**
   * A condition of this kind as written in {@code quality-gate.yml}, e.g. {@code { layer: e2e,
   * max-skipped: 0 }}; the documentation shows it and a test reads it as a policy.
   */
  String example();

  /**
   * The report category a failure of this condition is filed in, for a condition on {@code layer}
   * (null: across layers).
   */
  Category category(Layer layer);

  /**
   * The report category of a failure on each layer this kind may be about, in layer order; one
   * entry, keyed by null, for a kind that compares layers.
   */
  default Map<Layer, Category> categories() {
    Map<Layer, Category> categories = new LinkedHashMap<>();
    if (scope().isAcrossLayers()) {
      categories.put(null, category(null));
    } else {
      scope().allowed().stream().sorted().forEach(layer -> categories.put(layer, category(layer)));
    }
    return categories;
  }

  /**
   * Reads the condition's value (and this kind's options) from the policy.
   *
   * @return the bound the actual value is held to; null for a condition whose value is simply
   *     {@code true}
   * @throws InvalidConditionException naming what is wrong and the fix; the policy reader adds file
   *     and line
   */
  Threshold parse(ConditionValue value) throws InvalidConditionException;

  /** The condition's id when the policy gives none, e.g. {@code unit.max-skipped}. */
  default String defaultId(Layer layer, Map<String, String> options) {
    return (layer == null ? "all" : layer.id()) + "." + key();
  }

  /**
   * Judges the condition against the build's evidence; never throws for missing or unreadable
   * evidence.
   */
  Finding evaluate(Condition condition, Evaluation evaluation);
}
