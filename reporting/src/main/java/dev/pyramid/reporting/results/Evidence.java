package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one build's result files say, per layer, read from one or more result roots.
 *
 * @param roots the directories that were searched
 * @param layers evidence for every layer (a layer without files has {@link LayerEvidence#none})
 * @param digests the lowercase hex SHA-256 of every evidence file read, by absolute normalized path, hashed
 *     from the same bytes its reader parsed; the stamp check compares these instead of reading the files again
 *     (the collector's map is built on first use: the check needs it only to name the files that differ)
 * @param files what the walk found under each root (absolute normalized root): what the stamp check compares
 *     with the stamp instead of walking and hashing again
 * @param runDirectories the Gatling run directories read as evidence (absolute, normalized); every other
 *     source is a file
 */
public record Evidence(List<Path> roots, Map<Layer, LayerEvidence> layers, Map<Path, String> digests,
    Map<Path, RootFiles> files, Set<Path> runDirectories) {

  public Evidence {
    roots = List.copyOf(roots);
    EnumMap<Layer, LayerEvidence> complete = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      complete.put(layer, layers.getOrDefault(layer, LayerEvidence.none(layer)));
    }
    layers = Map.copyOf(complete);
    // Not copied: 100,000 entries for a large result set; the collector hands over maps it no longer touches.
    digests = java.util.Collections.unmodifiableMap(digests);
    files = java.util.Collections.unmodifiableMap(files);
    runDirectories = Set.copyOf(runDirectories);
  }

  /** Evidence assembled by hand (tests): no digests or file listings, so stamp checks read the files. */
  public Evidence(List<Path> roots, Map<Layer, LayerEvidence> layers) {
    this(roots, layers, Map.of(), Map.of(), Set.of());
  }

  /** The evidence of {@code layer}; never null. */
  public LayerEvidence of(Layer layer) {
    return layers.get(layer);
  }

  /** Every file and run directory read, in layer order; a file several layers read is listed once per layer. */
  public List<Path> sources() {
    List<Path> sources = new java.util.ArrayList<>();
    for (Layer layer : Layer.values()) {
      sources.addAll(layers.get(layer).sources());
    }
    return sources;
  }
}
