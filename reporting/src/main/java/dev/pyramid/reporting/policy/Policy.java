package dev.pyramid.reporting.policy;

import dev.pyramid.reporting.results.Layer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A promotion policy: the ordered path of stages, what each stage requires, conditions per layer.
 *
 * @param source the file it was read from
 * @param path the stages in promotion order, e.g. dev, staging, production
 * @param stages every stage on the path, by name
 * @param conditions per layer; a layer without conditions has none (an empty {@link LayerConditions})
 */
public record Policy(Path source, int version, List<String> path, Map<String, Stage> stages,
    Map<Layer, LayerConditions> conditions) {

  public Policy {
    path = List.copyOf(path);
    stages = Map.copyOf(stages);
    conditions = Map.copyOf(conditions);
  }

  /** The stage named {@code name}, or empty when it is not on the promotion path. */
  public Optional<Stage> stage(String name) {
    return Optional.ofNullable(stages.get(name));
  }

  /** The conditions on {@code layer}; never null. */
  public LayerConditions conditionsOn(Layer layer) {
    return conditions.getOrDefault(layer, LayerConditions.NONE);
  }

  /** A stage of the promotion path and the layers whose evidence it requires, in policy order. */
  public record Stage(String name, List<Layer> require) {
    public Stage {
      require = List.copyOf(require);
    }
  }

  /**
   * Conditions on one layer; null means the condition is not set.
   *
   * @param minTests at least this many executed tests (passed, failed or errored)
   * @param maxFailures at most this many failed plus errored tests
   * @param allInteractionsVerified contract only: every Pact interaction verified
   * @param allAssertionsPass perf only: every Gatling assertion OK
   */
  public record LayerConditions(Integer minTests, Integer maxFailures, Boolean allInteractionsVerified,
      Boolean allAssertionsPass) {

    /** No conditions. */
    public static final LayerConditions NONE = new LayerConditions(null, null, null, null);
  }
}
