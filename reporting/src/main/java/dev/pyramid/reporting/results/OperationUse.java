package dev.pyramid.reporting.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operation (or one request that matched none) and what each layer's exchanges with it
 * answered.
 *
 * @param operation {@code METHOD /path/template}, or {@code METHOD /path} as sent when unmatched
 * @param unmatched why a request matched no operation ({@code no-path}, {@code no-method}); else
 *     empty
 * @param layers per layer that exercised it, the count of answers per status class
 */
public record OperationUse(
    String operation,
    String unmatched,
    boolean deprecated,
    Map<Layer, Map<String, Integer>> layers) {

  public OperationUse {
    Map<Layer, Map<String, Integer>> copy = new EnumMap<>(Layer.class);
    layers.forEach((layer, statuses) -> copy.put(layer, Map.copyOf(statuses)));
    layers = Collections.unmodifiableMap(copy);
  }

  public boolean exercisedBy(Layer layer) {
    return layers.containsKey(layer);
  }

  /** {@code 2xx 3, 4xx 1}: the answers {@code layer}'s exchanges got; empty when none. */
  public String statuses(Layer layer) {
    Map<String, Integer> statuses = layers.getOrDefault(layer, Map.of());
    List<String> parts = new ArrayList<>();
    new TreeMap<>(statuses).forEach((status, count) -> parts.add(status + " " + count));
    return String.join(", ", parts);
  }

  static final class Builder {
    private final String operation;
    private final String unmatched;
    private final boolean deprecated;
    private final Map<Layer, Map<String, Integer>> layers = new EnumMap<>(Layer.class);

    Builder(String operation, String unmatched, boolean deprecated) {
      this.operation = operation;
      this.unmatched = unmatched;
      this.deprecated = deprecated;
    }

    void add(Layer layer, String status, int count) {
      layers.computeIfAbsent(layer, l -> new TreeMap<>()).merge(status, count, Integer::sum);
    }

    OperationUse build() {
      return new OperationUse(operation, unmatched, deprecated, layers);
    }
  }
}
