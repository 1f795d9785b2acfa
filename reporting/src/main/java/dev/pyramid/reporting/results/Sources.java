package dev.pyramid.reporting.results;

import dev.pyramid.reporting.internal.files.FileGlob;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which result files belong to which layer: globs relative to a result root, per layer and per
 * source (a key of {@link EvidenceReaders}).
 *
 * <p>Globs mean what {@link FileGlob} says. Those of a source that reads directories (Gatling)
 * match run directories, all others files.
 *
 * @param layers every layer's globs; a layer not in the map has none
 */
public record Sources(Map<Layer, LayerSources> layers) {

  public Sources {
    EnumMap<Layer, LayerSources> complete = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      complete.put(layer, layers.getOrDefault(layer, LayerSources.NONE));
    }
    layers = Map.copyOf(complete);
  }

  /** The globs of {@code layer}; never null. */
  public LayerSources of(Layer layer) {
    return layers.get(layer);
  }

  /**
   * Every file glob of every layer (a run directory glob {@code g} as {@code g/**}): what the Maven
   * build stamps.
   */
  public List<String> allFileGlobs() {
    List<String> globs = new ArrayList<>();
    for (LayerSources of : layers.values()) {
      for (EvidenceReader<?> reader : EvidenceReaders.ALL) {
        for (String glob : of.globs(reader.key())) {
          globs.add(reader.readsDirectories() ? glob + "/**" : glob);
        }
      }
    }
    return globs.stream().distinct().sorted().toList();
  }

  /** Where a Pyramid build writes each layer's results: each source's default globs. */
  public static Sources defaults() {
    Map<Layer, LayerSources> layers = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      LayerSources of = LayerSources.NONE;
      for (EvidenceReader<?> reader : EvidenceReaders.ALL) {
        of = of.with(reader.key(), reader.defaultGlobs(layer));
      }
      layers.put(layer, of);
    }
    return new Sources(layers);
  }

  /**
   * One layer's globs by source key.
   *
   * @param globs per key of {@link EvidenceReaders}; a key not in the map has no globs
   */
  public record LayerSources(Map<String, List<String>> globs) {

    /** No globs. */
    public static final LayerSources NONE = new LayerSources(Map.of());

    /**
     * The order in which {@link #all} lists the first sources' globs (decision.json shows them so);
     * the sources added after them follow in table order.
     */
    private static final List<String> LISTED =
        List.of("junit", "allure", "pacts", "pact-reports", "gatling", "jacoco");

    public LayerSources {
      Map<String, List<String>> copied = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> entry : globs.entrySet()) {
        if (EvidenceReaders.byKey(entry.getKey()).isEmpty()) {
          throw new IllegalArgumentException(
              "no source \"" + entry.getKey() + "\"; known: " + EvidenceReaders.keys());
        }
        if (!entry.getValue().isEmpty()) {
          copied.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
      }
      globs = Map.copyOf(copied);
    }

    /** The globs of the source {@code key}; never null. */
    public List<String> globs(String key) {
      return globs.getOrDefault(key, List.of());
    }

    /** The same globs, with those of the source {@code key} replaced by {@code replacing}. */
    public LayerSources with(String key, List<String> replacing) {
      Map<String, List<String>> changed = new LinkedHashMap<>(globs);
      changed.put(key, replacing);
      return new LayerSources(changed);
    }

    /** Every glob of this layer. */
    public List<String> all() {
      Stream<String> keys =
          Stream.concat(
              LISTED.stream(),
              EvidenceReaders.keys().stream().filter(key -> !LISTED.contains(key)));
      return keys.flatMap(key -> globs(key).stream()).toList();
    }
  }
}
