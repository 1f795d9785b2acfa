package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.results.Layer;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a gate {@link Decision}: {@code
 * assertThat(decision).isBlocked().hasFailedCondition("perf.p95")}.
 */
public final class DecisionAssert extends AbstractAssert<DecisionAssert, Decision> {

  private DecisionAssert(Decision actual) {
    super(actual, DecisionAssert.class);
  }

  public static DecisionAssert assertThat(Decision actual) {
    return new DecisionAssert(actual);
  }

  public DecisionAssert isPromoted() {
    return hasOutcome(Outcome.PROMOTE);
  }

  public DecisionAssert isBlocked() {
    return hasOutcome(Outcome.BLOCK);
  }

  public DecisionAssert isIncomplete() {
    return hasOutcome(Outcome.INCOMPLETE);
  }

  public DecisionAssert needsManualApproval() {
    return hasOutcome(Outcome.MANUAL_APPROVAL);
  }

  public DecisionAssert hasOutcome(Outcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWithMessage(
          "Expected the gate to decide %s but it decided %s; conditions: %s",
          expected, actual.outcome(), summary());
    }
    return this;
  }

  /** The condition {@code id} was evaluated and failed. */
  public DecisionAssert hasFailedCondition(String id) {
    return hasCondition(id, Verdict.FAIL);
  }

  /** The condition {@code id} was evaluated with the verdict {@code verdict}. */
  public DecisionAssert hasCondition(String id, Verdict verdict) {
    ConditionResult condition = condition(id);
    if (condition.verdict() != verdict) {
      failWithMessage(
          "Expected condition %s to be %s but it is %s (expected %s, actual %s)",
          id, verdict.id(), condition.verdict().id(), condition.expected(), condition.actual());
    }
    return this;
  }

  /** The condition {@code id} shows {@code actual} as its actual value. */
  public DecisionAssert hasActual(String id, String actualValue) {
    ConditionResult condition = condition(id);
    if (!condition.actual().equals(actualValue)) {
      failWithMessage(
          "Expected condition %s to show actual <%s> but it shows <%s>",
          id, actualValue, condition.actual());
    }
    return this;
  }

  /** The layer was decided with the verdict {@code verdict}. */
  public DecisionAssert hasLayer(Layer layer, Verdict verdict) {
    isNotNull();
    Optional<LayerResult> result =
        actual.layers().stream().filter(l -> l.layer() == layer).findFirst();
    if (result.isEmpty()) {
      failWithMessage("Expected layer %s to be decided, but only %s were", layer, actual.layers());
    } else if (result.get().verdict() != verdict) {
      failWithMessage(
          "Expected layer %s to be %s but it is %s",
          layer, verdict.id(), result.get().verdict().id());
    }
    return this;
  }

  private ConditionResult condition(String id) {
    isNotNull();
    return actual.conditions().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "Expected a condition " + id + " but the decision has " + summary()));
  }

  private String summary() {
    return actual.conditions().stream()
        .map(c -> c.id() + "=" + c.verdict().id())
        .toList()
        .toString();
  }
}
