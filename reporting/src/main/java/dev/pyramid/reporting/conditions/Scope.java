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
 * @param compared the layers a kind that compares layers reads (each must be required by the
 *     stage); empty otherwise
 */
public record Scope(Layer implied, Set<Layer> allowed, List<Layer> compared) {

  public Scope {
    allowed = allowed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowed));
    compared = List.copyOf(compared);
  }

  /** The policy names one of the layers that run test cases: unit, contract or e2e. */
  public static Scope testedLayer() {
    return new Scope(null, Set.of(Layer.UNIT, Layer.CONTRACT, Layer.E2E), List.of());
  }

  /** Always {@code layer}; the policy may name it, no other. */
  public static Scope only(Layer layer) {
    return new Scope(layer, Set.of(layer), List.of());
  }

  /** {@code layer} unless the policy names another. */
  public static Scope defaultsTo(Layer layer) {
    return new Scope(layer, Set.of(Layer.values()), List.of());
  }

  /** A comparison of {@code layers}: the policy names no layer. */
  public static Scope across(List<Layer> layers) {
    return new Scope(null, Set.of(), layers);
  }

  /** True for a kind that compares layers rather than judging one. */
  public boolean isAcrossLayers() {
    return !compared.isEmpty();
  }
}
