package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which layer a condition kind is about, and how the policy names it.
 *
 * @param implied the layer a condition is about when the policy names none; null when it must name
 *     one
 * @param allowed the layers the policy may name; empty for a kind that compares layers
 * @param compared the layers a kind across layers reads; empty otherwise
 * @param everyCompared true when the stage must require each of {@code compared} (a comparison of
 *     them); false when the kind reads those the stage requires, at least one
 */
public record Scope(
    Layer implied, Set<Layer> allowed, List<Layer> compared, boolean everyCompared) {

  public Scope {
    allowed = allowed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowed));
    compared = List.copyOf(compared);
  }

  /** The policy names one of the layers that run test cases: unit, contract, e2e or ui. */
  public static Scope testedLayer() {
    return new Scope(
        null, Set.of(Layer.UNIT, Layer.CONTRACT, Layer.E2E, Layer.UI), List.of(), false);
  }

  /** Always {@code layer}; the policy may name it, no other. */
  public static Scope only(Layer layer) {
    return new Scope(layer, Set.of(layer), List.of(), false);
  }

  /** {@code layer} unless the policy names another. */
  public static Scope defaultsTo(Layer layer) {
    return new Scope(layer, Set.of(Layer.values()), List.of(), false);
  }

  /** A comparison of {@code layers}: the policy names no layer. */
  public static Scope across(List<Layer> layers) {
    return new Scope(null, Set.of(), layers, true);
  }

  /**
   * Every one of {@code layers} that the stage requires, at least one: the policy names no layer.
   */
  public static Scope acrossRequired(List<Layer> layers) {
    return new Scope(null, Set.of(), layers, false);
  }

  /** The layers of {@link #compared} a stage requiring {@code required} has this kind read. */
  public List<Layer> read(List<Layer> required) {
    return compared.stream().filter(required::contains).toList();
  }

  /** True for a kind that compares layers rather than judging one. */
  public boolean isAcrossLayers() {
    return !compared.isEmpty();
  }
}
