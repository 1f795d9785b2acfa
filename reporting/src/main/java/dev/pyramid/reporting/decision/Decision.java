package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.results.Layer;
import java.util.List;

/**
 * What the gate decided for one stage.
 *
 * @param stage the stage asked about, e.g. "production"
 * @param level the layers a level run asked for, or empty when the whole stage was decided
 * @param outcome the overall answer; {@link Outcome#LAYERS_PASS} only for level runs
 * @param layers one result per layer decided, in policy order
 * @param conditions one result per condition evaluated
 */
public record Decision(String stage, List<Layer> level, Outcome outcome, List<LayerResult> layers,
    List<ConditionResult> conditions) {

  public Decision {
    level = List.copyOf(level);
    layers = List.copyOf(layers);
    conditions = List.copyOf(conditions);
  }

  /** True when this decision covers only some layers and therefore decides no promotion. */
  public boolean isLevelRun() {
    return !level.isEmpty();
  }
}
