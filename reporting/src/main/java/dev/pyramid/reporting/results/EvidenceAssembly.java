package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Puts the evidence of every layer together from what the sources read: each layer lists, source
 * after source in table order, the files of that source in path order (a file that could not be
 * read, or that belongs to none of the layers that matched it, as a problem of each), then what was
 * read.
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
  }

  /**
   * The evidence of every layer from {@code read} (every path read, in path order). One pass over
   * the paths (100,000 of them in a large result set: one pass, not one per layer and source); the
   * layers are then put together side by side on {@code pool}.
   */
  static Map<Layer, LayerEvidence> assemble(FoundPath[] read, ExecutorService pool) {
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
          }
        }
      }
    }
    Map<Layer, Future<LayerEvidence>> assembling = new EnumMap<>(Layer.class);
    for (Layer layer : LAYERS) {
      assembling.put(layer, pool.submit(() -> layer(layer, parts[layer.ordinal()])));
    }
    Map<Layer, LayerEvidence> layers = new EnumMap<>(Layer.class);
    for (Layer layer : LAYERS) {
      layers.put(layer, ReadPool.await(assembling.get(layer)));
    }
    return layers;
  }

  private static LayerEvidence layer(Layer layer, Part[] parts) {
    LayerEvidence.Builder builder = new LayerEvidence.Builder(layer);
    for (int source = 0; source < parts.length; source++) {
      builder.addSources(parts[source].sources).addProblems(parts[source].problems);
      addTo(builder, SOURCES.get(source), parts[source].values);
    }
    return builder.build();
  }

  /** The values were read by {@code reader}: of its type. */
  @SuppressWarnings("unchecked")
  private static <T> void addTo(
      LayerEvidence.Builder builder, EvidenceReader<T> reader, List<Object> values) {
    reader.addTo(builder, (List<T>) values);
  }

  /**
   * A test case that two roots both hold would count twice: a problem of the second root's layer.
   * Each file's root (the deepest root holding it) is found once per file; each test case costs one
   * lookup.
   */
  static Map<Layer, LayerEvidence> duplicatesAcrossRoots(
      List<Path> roots, Map<Layer, LayerEvidence> layers) {
    if (roots.size() < 2) {
      return layers;
    }
    List<Path> absolute =
        roots.stream()
            .map(r -> r.toAbsolutePath().normalize())
            .sorted(Comparator.comparingInt((Path p) -> p.getNameCount()).reversed())
            .toList();
    Map<Path, Optional<Path>> rootOfFile = new HashMap<>();
    Map<String, Path> rootOfTest = new HashMap<>();
    Map<Layer, LayerEvidence> checked = new EnumMap<>(Layer.class);
    for (Map.Entry<Layer, LayerEvidence> entry : layers.entrySet()) {
      List<Problem> duplicates = new ArrayList<>();
      for (TestCase testCase : entry.getValue().testCases()) {
        Path root =
            rootOfFile
                .computeIfAbsent(
                    testCase.source(),
                    source -> absolute.stream().filter(source::startsWith).findFirst())
                .orElse(null);
        Path first = rootOfTest.putIfAbsent(testCase.id(), root);
        if (first != null && !first.equals(root)) {
          duplicates.add(
              new Problem(
                  testCase.source(),
                  "test "
                      + testCase.id()
                      + " is also in root "
                      + first
                      + ": the same result would count twice (roots overlap, or a job's results were copied)"));
        }
      }
      checked.put(
          entry.getKey(),
          duplicates.isEmpty() ? entry.getValue() : entry.getValue().withProblems(duplicates));
    }
    return checked;
  }
}
