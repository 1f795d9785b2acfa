package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.conditions.QuarantinedFailure;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.EndpointMap;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.RootCheck;
import java.util.List;
import java.util.Optional;

/**
 * What the gate decided for one stage.
 *
 * @param stage the stage asked about, e.g. "production"
 * @param lane the policy lane, e.g. "default" or "hotfix"
 * @param build the build decided for
 * @param level the layers a level run asked for, or empty when the whole stage was decided
 * @param outcome the overall answer; {@link Outcome#LAYERS_PASS} only for level runs
 * @param layers one result per layer decided, in policy order
 * @param conditions one result per condition evaluated
 * @param score percent of the weight of non-blocking conditions that pass; null when there are none
 * @param roots every result root and the stamp read there
 * @param problems why evidence cannot be trusted (stamps); non-empty means INCOMPLETE
 * @param quarantined failed tests that a quarantine entry covers, valid or expired
 * @param baseline what relative conditions compared with; empty when no build was promoted yet
 * @param endpoints which operations of the services' OpenAPI documents the decided layers' tests
 *     exercised, and those none did; shown whether or not a condition judges it
 */
public record Decision(
    String stage,
    String lane,
    BuildIdentity build,
    List<Layer> level,
    Outcome outcome,
    List<LayerResult> layers,
    List<ConditionResult> conditions,
    Double score,
    List<RootCheck> roots,
    List<Problem> problems,
    List<QuarantinedFailure> quarantined,
    Optional<Baseline> baseline,
    EndpointMap endpoints) {

  public Decision {
    level = List.copyOf(level);
    layers = List.copyOf(layers);
    conditions = List.copyOf(conditions);
    roots = List.copyOf(roots);
    problems = List.copyOf(problems);
    quarantined = List.copyOf(quarantined);
    endpoints = endpoints == null ? new EndpointMap(List.of(), List.of()) : endpoints;
  }

  /** True when this decision covers only some layers and therefore decides no promotion. */
  public boolean isLevelRun() {
    return !level.isEmpty();
  }
}
