package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.PactVerification;
import dev.pyramid.reporting.results.PerfAssertion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, from one build's evidence and the policy, whether the build may move to a stage.
 *
 * <p>Per layer: {@link Verdict#UNREADABLE} when any of its files could not be read,
 * {@link Verdict#MISSING} when it has no files or executed no test, else {@link Verdict#FAIL} when a
 * condition on it fails, else {@link Verdict#PASS}. Overall: {@link Outcome#BLOCK} when a layer fails
 * (a known failure is reported first, even when other evidence is also missing), else
 * {@link Outcome#INCOMPLETE} when a layer is missing or unreadable, else {@link Outcome#PROMOTE}, or
 * {@link Outcome#LAYERS_PASS} for a level run, which decides no promotion. A policy layer without
 * conditions passes on readable, non-empty evidence. Stateless and thread-safe.
 */
public final class Gate {

  /**
   * Decides for {@code stage}.
   *
   * @param level the layers of a level run; empty to decide the whole stage. A level layer that the
   *     stage does not require is still judged by its conditions.
   * @throws UsageException when {@code stage} is not on the policy's promotion path
   */
  public Decision decide(Evidence evidence, Policy policy, String stage, List<Layer> level)
      throws UsageException {
    Policy.Stage required = policy.stage(stage).orElseThrow(() -> new UsageException(
        "stage \"" + stage + "\" is not on the promotion path " + policy.path() + " of " + policy.source()));
    List<Layer> layers = level.isEmpty() ? required.require() : level;
    List<LayerResult> layerResults = new ArrayList<>();
    List<ConditionResult> conditions = new ArrayList<>();
    for (Layer layer : layers) {
      LayerEvidence layerEvidence = evidence.of(layer);
      Verdict availability = availability(layerEvidence);
      List<ConditionResult> onLayer = conditions(layerEvidence, policy.conditionsOn(layer), availability);
      conditions.addAll(onLayer);
      layerResults.add(new LayerResult(layer, layerVerdict(availability, onLayer), layerEvidence));
    }
    return new Decision(stage, level, outcome(layerResults, !level.isEmpty()), layerResults, conditions);
  }

  private static Verdict availability(LayerEvidence evidence) {
    if (!evidence.problems().isEmpty()) {
      return Verdict.UNREADABLE;
    }
    if (evidence.sources().isEmpty() || evidence.counts().executed() == 0) {
      return Verdict.MISSING;
    }
    return Verdict.PASS;
  }

  private static Verdict layerVerdict(Verdict availability, List<ConditionResult> conditions) {
    if (availability != Verdict.PASS) {
      return availability;
    }
    if (conditions.stream().anyMatch(c -> c.verdict() == Verdict.FAIL)) {
      return Verdict.FAIL;
    }
    if (conditions.stream().anyMatch(c -> c.verdict() == Verdict.MISSING)) {
      return Verdict.MISSING;
    }
    return Verdict.PASS;
  }

  private static Outcome outcome(List<LayerResult> layers, boolean levelRun) {
    if (layers.stream().anyMatch(l -> l.verdict() == Verdict.FAIL)) {
      return Outcome.BLOCK;
    }
    if (layers.isEmpty() || layers.stream().anyMatch(l -> l.verdict() != Verdict.PASS)) {
      return Outcome.INCOMPLETE;
    }
    return levelRun ? Outcome.LAYERS_PASS : Outcome.PROMOTE;
  }

  private static List<ConditionResult> conditions(
      LayerEvidence evidence, Policy.LayerConditions policy, Verdict availability) {
    Layer layer = evidence.layer();
    Counts counts = evidence.counts();
    List<Path> files = evidence.sources();
    List<ConditionResult> results = new ArrayList<>();
    if (policy.minTests() != null) {
      results.add(numeric(layer + ".min-tests", layer, ">= " + policy.minTests(), counts.executed(),
          counts.executed() >= policy.minTests(), availability, files));
    }
    if (policy.maxFailures() != null) {
      int failures = counts.failed() + counts.errored();
      results.add(numeric(layer + ".max-failures", layer, "<= " + policy.maxFailures(), failures,
          failures <= policy.maxFailures(), availability, files));
    }
    if (Boolean.TRUE.equals(policy.allInteractionsVerified())) {
      List<PactVerification> pacts = evidence.pacts();
      int interactions = pacts.stream().mapToInt(PactVerification::interactions).sum();
      int failed = pacts.stream().mapToInt(PactVerification::failed).sum();
      Verdict verdict = availability == Verdict.UNREADABLE ? Verdict.UNREADABLE
          : interactions == 0 ? Verdict.MISSING
          : failed == 0 ? Verdict.PASS : Verdict.FAIL;
      String actual = interactions == 0 ? "no pact verification report"
          : (interactions - failed) + "/" + interactions + " verified in " + pacts.size() + " pact(s)";
      results.add(new ConditionResult(layer + ".all-interactions-verified", layer, "all verified", actual,
          verdict, pacts.stream().map(PactVerification::source).distinct().toList()));
    }
    if (Boolean.TRUE.equals(policy.allAssertionsPass())) {
      List<PerfAssertion> assertions = evidence.assertions();
      long failed = assertions.stream().filter(a -> !a.passed()).count();
      Verdict verdict = availability == Verdict.UNREADABLE ? Verdict.UNREADABLE
          : assertions.isEmpty() ? Verdict.MISSING
          : failed == 0 ? Verdict.PASS : Verdict.FAIL;
      String actual = assertions.isEmpty() ? "no Gatling assertion"
          : (assertions.size() - failed) + "/" + assertions.size() + " OK";
      results.add(new ConditionResult(layer + ".all-assertions-pass", layer, "all OK", actual, verdict, files));
    }
    return results;
  }

  private static ConditionResult numeric(String id, Layer layer, String expected, int actual, boolean met,
      Verdict availability, List<Path> files) {
    // Zero executed tests is no evidence, not a count that happens to be low.
    Verdict verdict = availability != Verdict.PASS ? availability : met ? Verdict.PASS : Verdict.FAIL;
    String shown = availability == Verdict.UNREADABLE || (availability == Verdict.MISSING && files.isEmpty())
        ? "n/a" : String.valueOf(actual);
    return new ConditionResult(id, layer, expected, shown, verdict, files);
  }
}
