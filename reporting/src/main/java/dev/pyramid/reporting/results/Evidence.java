package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one build's result files say, per layer, read from one or more result roots.
 *
 * @param roots the directories that were searched
 * @param layers evidence for every layer (a layer without files has {@link LayerEvidence#none})
 */
public record Evidence(List<Path> roots, Map<Layer, LayerEvidence> layers) {

  public Evidence {
    roots = List.copyOf(roots);
    EnumMap<Layer, LayerEvidence> complete = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      complete.put(layer, layers.getOrDefault(layer, LayerEvidence.none(layer)));
    }
    layers = Map.copyOf(complete);
  }

  /** The evidence of {@code layer}; never null. */
  public LayerEvidence of(Layer layer) {
    return layers.get(layer);
  }

  /**
   * Every file and run directory read, in layer order; a file several layers read is listed once
   * per layer.
   */
  public List<Path> sources() {
    List<Path> sources = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      sources.addAll(layers.get(layer).sources());
    }
    return sources;
  }
}
