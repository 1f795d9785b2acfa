package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Puts the evidence of every layer together from what the sources read: each layer lists, source
 * after source in table order, the files of that source in path order (a file that could not be
 * read, or that belongs to none of the layers that matched it, as a problem of each; then a file
 * that holds a result of an earlier one again, {@link DuplicateResults}), then what was read.
 */
final class EvidenceAssembly {

  private static final List<EvidenceReader<?>> SOURCES = EvidenceReaders.ALL;
  private static final Layer[] LAYERS = Layer.values();

  private EvidenceAssembly() {}

  /** What one source gave one layer, in path order. */
  private static final class Part {
    final List<Path> sources = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Object> values = new ArrayList<>();

    /** The file each value was read from. */
    final List<FoundPath> read = new ArrayList<>();
  }

  /**
   * The evidence of every layer from {@code read} (every path read, in path order). One pass over
   * the paths (100,000 of them in a large result set: one pass, not one per layer and source); the
   * layers are then put together side by side on {@code pool}.
   */
  static Map<Layer, LayerEvidence> assemble(
      FoundPath[] read, Sources sources, Path[] roots, ExecutorService pool) {
    Part[][] parts = new Part[LAYERS.length][SOURCES.size()];
    for (Part[] layer : parts) {
      for (int source = 0; source < layer.length; source++) {
        layer[source] = new Part();
      }
    }
    for (FoundPath path : read) {
      for (int source = 0; source < SOURCES.size(); source++) {
        if (!path.isReadBy(source)) {
          continue;
        }
        FoundPath.Outcome outcome = path.outcomes[source];
        int layers = outcome.problem() != null ? path.layers[source] : outcome.layers();
        for (int layer = 0; layers != 0; layer++, layers >>>= 1) {
          if ((layers & 1) == 0) {
            continue;
          }
          Part part = parts[layer][source];
          part.sources.add(path.path);
          if (outcome.problem() != null) {
            part.problems.add(outcome.problem());
          } else {
            part.values.add(outcome.value());
            part.read.add(path);
          }
        }
      }
    }
    Map<Layer, Future<LayerEvidence>> assembling = new EnumMap<>(Layer.class);
    for (Layer layer : LAYERS) {
      assembling.put(
          layer, pool.submit(() -> layer(layer, parts[layer.ordinal()], sources, roots)));
    }
    Map<Layer, LayerEvidence> layers = new EnumMap<>(Layer.class);
    for (Layer layer : LAYERS) {
      layers.put(layer, ReadPool.await(assembling.get(layer)));
    }
    return layers;
  }

  private static LayerEvidence layer(Layer layer, Part[] parts, Sources sources, Path[] roots) {
    LayerEvidence.Builder builder = new LayerEvidence.Builder(layer);
    for (int source = 0; source < parts.length; source++) {
      Part part = parts[source];
      EvidenceReader<?> reader = SOURCES.get(source);
      builder.addSources(part.sources).addProblems(part.problems);
      DuplicateResults duplicates =
          new DuplicateResults(layer, reader, sources.of(layer).globs(reader.key()), roots);
      for (int i = 0; i < part.values.size(); i++) {
        duplicates.add(part.read.get(i), resultIds(reader, part.values.get(i)));
      }
      builder.addProblems(duplicates.problems());
      addTo(builder, reader, part.values);
    }
    return builder.build();
  }

  /** The value was read by {@code reader}: of its type. */
  @SuppressWarnings("unchecked")
  private static <T> List<String> resultIds(EvidenceReader<T> reader, Object value) {
    return reader.resultIds((T) value);
  }

  /** The values were read by {@code reader}: of its type. */
  @SuppressWarnings("unchecked")
  private static <T> void addTo(
      LayerEvidence.Builder builder, EvidenceReader<T> reader, List<Object> values) {
    reader.addTo(builder, (List<T>) values);
  }
}
