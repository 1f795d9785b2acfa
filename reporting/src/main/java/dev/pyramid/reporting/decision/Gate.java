package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Coverage;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.PactFile;
import dev.pyramid.reporting.results.PactVerification;
import dev.pyramid.reporting.results.PerfAssertion;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.results.TestCase;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.RootCheck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, from one build's evidence and the policy, whether the build may move to a stage.
 *
 * <p>In this order: INCOMPLETE when a result root is unstamped, stamped for another build or changed
 * since ({@link Request#roots}); BLOCK when a blocking condition fails; INCOMPLETE when a required
 * layer or a condition has no evidence or unreadable evidence; then the score of the non-blocking
 * conditions: below the lane's warn threshold BLOCK, below its pass threshold MANUAL_APPROVAL, else
 * PROMOTE (LAYERS_PASS for a level run, which decides no promotion).
 *
 * <p>A failed test covered by a valid quarantine entry is not counted by {@code max-failures} and is
 * listed; once the entry expired it counts, and the condition names the owner. A relative performance
 * condition with no baseline has the verdict {@link Verdict#NO_BASELINE}: it does not fail, and says
 * so. Stateless and thread-safe.
 */
public final class Gate {

  /**
   * What to decide.
   *
   * @param roots the stamp check of every root the evidence was read from
   * @param level the layers of a level run; empty to decide the whole stage
   * @param today the day quarantine entries are judged on
   */
  public record Request(Evidence evidence, List<RootCheck> roots, Policy policy, String lane, String stage,
      List<Layer> level, BuildIdentity build, Quarantine quarantine, Optional<Baseline> baseline, LocalDate today) {}

  /**
   * Decides.
   *
   * @throws UsageException when the lane or the stage is not in the policy
   */
  public Decision decide(Request request) throws UsageException {
    Policy policy = request.policy();
    Policy.Lane lane = policy.lane(request.lane()).orElseThrow(() -> new UsageException(
        "lane \"" + request.lane() + "\" is not in " + policy.source() + "; it has " + policy.lanes().keySet()));
    Policy.Stage stage = lane.stage(request.stage()).orElseThrow(() -> new UsageException(
        "stage \"" + request.stage() + "\" is not on the promotion path " + policy.path() + " of " + policy.source()));
    List<Layer> layers = request.level().isEmpty() ? stage.require() : request.level();
    List<Problem> binding = binding(request);
    List<QuarantinedFailure> quarantined = new ArrayList<>();
    List<LayerResult> layerResults = new ArrayList<>();
    for (Layer layer : layers) {
      layerResults.add(new LayerResult(layer, availability(layer, request.evidence().of(layer)),
          request.evidence().of(layer)));
    }
    for (Layer layer : layers) {
      for (TestCase testCase : request.evidence().of(layer).testCases()) {
        if (testCase.isFailure()) {
          request.quarantine().entryFor(testCase.id()).ifPresent(entry -> quarantined.add(
              new QuarantinedFailure(layer, testCase, entry, !entry.validOn(request.today()))));
        }
      }
    }
    List<ConditionResult> conditions = new ArrayList<>();
    for (Policy.Condition condition : stage.conditions()) {
      if (condition.layer() == null ? request.level().isEmpty() : layers.contains(condition.layer())) {
        conditions.add(evaluate(condition, request, quarantined));
      }
    }
    List<LayerResult> judged = new ArrayList<>();
    for (LayerResult result : layerResults) {
      Verdict verdict = result.verdict();
      if (verdict == Verdict.PASS && conditions.stream()
          .anyMatch(c -> c.layer() == result.layer() && c.blocking() && c.verdict() == Verdict.FAIL)) {
        verdict = Verdict.FAIL;
      }
      if (verdict == Verdict.PASS) {
        // A condition without its evidence (no pact report, no JaCoCo) leaves the layer undecided.
        verdict = conditions.stream().filter(c -> c.layer() == result.layer())
            .map(ConditionResult::verdict).filter(v -> v == Verdict.MISSING || v == Verdict.UNREADABLE)
            .findFirst().orElse(Verdict.PASS);
      }
      judged.add(new LayerResult(result.layer(), verdict, result.evidence()));
    }
    Double score = score(conditions);
    Outcome outcome = outcome(binding, judged, conditions, score, lane.score(), !request.level().isEmpty());
    return new Decision(request.stage(), lane.name(), request.build(), request.level(), outcome, judged, conditions,
        score, request.roots(), binding, quarantined, request.baseline());
  }

  private static List<Problem> binding(Request request) {
    List<Problem> problems = new ArrayList<>();
    for (RootCheck check : request.roots()) {
      problems.addAll(check.problems());
    }
    Set<Path> checked = request.roots().stream().map(RootCheck::root).collect(Collectors.toSet());
    for (Path root : request.evidence().roots()) {
      if (!checked.contains(root.toAbsolutePath().normalize())) {
        problems.add(new Problem(root, "result root not checked against a stamp"));
      }
    }
    return problems;
  }

  private static Verdict availability(Layer layer, LayerEvidence evidence) {
    if (!evidence.problems().isEmpty()) {
      return Verdict.UNREADABLE;
    }
    if (layer == Layer.PERF) {
      return evidence.requests().isEmpty() ? Verdict.MISSING : Verdict.PASS;
    }
    if (evidence.sources().isEmpty() || evidence.counts().executed() == 0) {
      return Verdict.MISSING;
    }
    return Verdict.PASS;
  }

  private static Outcome outcome(List<Problem> binding, List<LayerResult> layers, List<ConditionResult> conditions,
      Double score, Policy.Score thresholds, boolean levelRun) {
    if (!binding.isEmpty()) {
      return Outcome.INCOMPLETE;
    }
    if (conditions.stream().anyMatch(c -> c.blocking() && c.verdict() == Verdict.FAIL)
        || layers.stream().anyMatch(l -> l.verdict() == Verdict.FAIL)) {
      return Outcome.BLOCK;
    }
    if (layers.isEmpty() || layers.stream().anyMatch(l -> l.verdict() != Verdict.PASS)
        || conditions.stream().anyMatch(c -> c.verdict() == Verdict.MISSING || c.verdict() == Verdict.UNREADABLE)) {
      return Outcome.INCOMPLETE;
    }
    if (score != null && score < thresholds.warn()) {
      return Outcome.BLOCK;
    }
    if (score != null && score < thresholds.pass()) {
      return levelRun ? Outcome.LAYERS_PASS : Outcome.MANUAL_APPROVAL;
    }
    return levelRun ? Outcome.LAYERS_PASS : Outcome.PROMOTE;
  }

  private static Double score(List<ConditionResult> conditions) {
    double total = 0;
    double passed = 0;
    for (ConditionResult condition : conditions) {
      if (!condition.blocking()) {
        total += condition.weight();
        passed += condition.verdict().passes() ? condition.weight() : 0;
      }
    }
    return total == 0 ? null : 100 * passed / total;
  }

  private static ConditionResult evaluate(Policy.Condition condition, Request request,
      List<QuarantinedFailure> quarantined) {
    Evidence evidence = request.evidence();
    if (condition.layer() == null) {
      return shape(condition, evidence);
    }
    LayerEvidence layer = evidence.of(condition.layer());
    Verdict availability = availability(condition.layer(), layer);
    Result result = switch (condition.kind()) {
      case "min-tests" -> count(condition, layer.counts().executed(), "", availability);
      case "max-failures" -> failures(condition, layer, quarantined, availability);
      case "max-flaky" -> count(condition, layer.counts().flaky(), "", availability);
      case "all-interactions-verified" -> interactions(layer, availability);
      case "all-assertions-pass" -> assertions(layer, availability);
      case "min-line-coverage", "min-branch-coverage" -> coverage(condition, layer, availability);
      default -> performance(condition, layer, request.baseline(), availability);
    };
    List<Path> files = result.files == null ? layer.sources() : result.files;
    return new ConditionResult(condition.id(), condition.layer(), result.expected != null ? result.expected
        : condition.threshold() == null ? "true" : condition.threshold().toString(), result.actual, result.verdict,
        files, condition.blocking(), condition.weight(), result.note);
  }

  /** What one condition found. */
  private record Result(String expected, String actual, Verdict verdict, List<Path> files, String note) {
    Result(String actual, Verdict verdict) {
      this(null, actual, verdict, null, "");
    }
  }

  private static Result count(Policy.Condition condition, int actual, String note, Verdict availability) {
    if (availability != Verdict.PASS) {
      return new Result(null, availability == Verdict.UNREADABLE ? "n/a" : String.valueOf(actual), availability,
          null, note);
    }
    boolean met = condition.threshold().met(actual, condition.threshold().value());
    return new Result(null, String.valueOf(actual), met ? Verdict.PASS : Verdict.FAIL, null, note);
  }

  private static Result failures(Policy.Condition condition, LayerEvidence layer, List<QuarantinedFailure> quarantined,
      Verdict availability) {
    int failures = layer.counts().failed() + layer.counts().errored();
    List<String> notes = new ArrayList<>();
    for (QuarantinedFailure q : quarantined) {
      if (q.layer() != layer.layer()) {
        continue;
      }
      if (q.expired()) {
        notes.add(q.testCase().id() + " quarantine EXPIRED " + q.entry().expires() + ", owner " + q.entry().owner());
      } else {
        failures--;
        notes.add(q.testCase().id() + " quarantined until " + q.entry().expires() + " (owner " + q.entry().owner() + ")");
      }
    }
    return count(condition, failures, String.join("; ", notes), availability);
  }

  private static Result interactions(LayerEvidence layer, Verdict availability) {
    List<PactVerification> reports = layer.pacts();
    List<Path> files = new ArrayList<>();
    reports.stream().map(PactVerification::source).distinct().forEach(files::add);
    layer.pactFiles().stream().map(PactFile::source).forEach(files::add);
    if (availability == Verdict.UNREADABLE) {
      return new Result(null, "n/a", Verdict.UNREADABLE, files, "");
    }
    int interactions = reports.stream().mapToInt(PactVerification::interactions).sum();
    int failed = reports.stream().mapToInt(PactVerification::failed).sum();
    if (interactions == 0 && layer.pactFiles().isEmpty()) {
      return new Result("all verified", "no pact file and no verification report", Verdict.MISSING, files, "");
    }
    List<String> unverified = new ArrayList<>();
    int expected = 0;
    for (PactFile pact : layer.pactFiles()) {
      Set<String> verified = new HashSet<>();
      reports.stream().filter(r -> r.consumer().equals(pact.consumer()) && r.provider().equals(pact.provider()))
          .forEach(r -> verified.addAll(r.verifiedDescriptions()));
      for (String description : pact.interactions()) {
        expected++;
        if (!verified.contains(description)) {
          unverified.add(pact.consumer() + "->" + pact.provider() + ": " + description);
        }
      }
    }
    String actual = (interactions - failed) + "/" + interactions + " verified in " + reports.size() + " report(s)"
        + (layer.pactFiles().isEmpty() ? "" : "; " + (expected - unverified.size()) + "/" + expected
            + " interactions of " + layer.pactFiles().size() + " pact file(s) verified");
    boolean ok = failed == 0 && unverified.isEmpty() && interactions > 0;
    String note = unverified.isEmpty() ? "" : "not verified: " + String.join("; ", unverified);
    return new Result("all verified", actual, ok ? Verdict.PASS : Verdict.FAIL, files, note);
  }

  private static Result assertions(LayerEvidence layer, Verdict availability) {
    List<PerfAssertion> assertions = layer.assertions();
    long failed = assertions.stream().filter(a -> !a.passed()).count();
    Verdict verdict = availability != Verdict.PASS ? availability
        : assertions.isEmpty() ? Verdict.MISSING
        : failed == 0 ? Verdict.PASS : Verdict.FAIL;
    String actual = assertions.isEmpty() ? "no Gatling assertion" : (assertions.size() - failed) + "/" + assertions.size() + " OK";
    String note = assertions.stream().filter(a -> !a.passed()).map(PerfAssertion::description)
        .collect(Collectors.joining("; "));
    return new Result("all OK", actual, verdict, null, note);
  }

  private static Result coverage(Policy.Condition condition, LayerEvidence layer, Verdict availability) {
    List<Path> files = layer.coverage().stream().map(Coverage::source).toList();
    if (availability == Verdict.UNREADABLE) {
      return new Result(null, "n/a", Verdict.UNREADABLE, files, "");
    }
    Optional<Coverage> sum = layer.coverage().stream().reduce(Coverage::plus);
    if (sum.isEmpty()) {
      return new Result(null, "no JaCoCo report", Verdict.MISSING, files, "");
    }
    double percent = condition.kind().equals("min-line-coverage") ? sum.get().linePercent() : sum.get().branchPercent();
    if (Double.isNaN(percent)) {
      return new Result(null, "nothing to cover", Verdict.MISSING, files, "");
    }
    boolean met = condition.threshold().met(percent, condition.threshold().value());
    return new Result(condition.threshold() + "%", format(percent) + "%", met ? Verdict.PASS : Verdict.FAIL, files, "");
  }

  private static Result performance(Policy.Condition condition, LayerEvidence layer, Optional<Baseline> baseline,
      Verdict availability) {
    if (availability != Verdict.PASS) {
      return new Result(null, "n/a", availability, null, "");
    }
    Map<String, Map<String, Double>> metrics = PerfMetrics.of(layer.requests());
    Double actual = metrics.getOrDefault(condition.request(), Map.of()).get(condition.kind());
    if (actual == null) {
      return new Result(null, "no " + condition.kind() + " for request \"" + condition.request() + "\"",
          Verdict.MISSING, null, "");
    }
    Policy.Threshold threshold = condition.threshold();
    if (!threshold.relative()) {
      return new Result(null, format(actual), threshold.met(actual, threshold.value()) ? Verdict.PASS : Verdict.FAIL,
          null, "");
    }
    Double base = baseline.map(b -> b.metrics().getOrDefault(condition.request(), Map.of()).get(condition.kind()))
        .orElse(null);
    if (base == null) {
      String why = baseline.isEmpty() ? "no build promoted to this stage yet"
          : "build " + baseline.get().buildId() + " (the baseline) has no " + condition.kind() + " for this request";
      return new Result(null, format(actual), Verdict.NO_BASELINE, null, "no baseline: " + why
          + "; the relative condition does not fail");
    }
    double limit = threshold.limit(base);
    return new Result(threshold + " (" + threshold.op() + " " + format(limit) + ")", format(actual),
        threshold.met(actual, limit) ? Verdict.PASS : Verdict.FAIL, null,
        "baseline " + format(base) + " from build " + baseline.get().buildId());
  }

  private static ConditionResult shape(Policy.Condition condition, Evidence evidence) {
    Counts unit = evidence.of(Layer.UNIT).counts();
    Counts contract = evidence.of(Layer.CONTRACT).counts();
    Counts e2e = evidence.of(Layer.E2E).counts();
    List<Verdict> availability = List.of(availability(Layer.UNIT, evidence.of(Layer.UNIT)),
        availability(Layer.CONTRACT, evidence.of(Layer.CONTRACT)), availability(Layer.E2E, evidence.of(Layer.E2E)));
    String actual = "unit " + unit.executed() + ", contract " + contract.executed() + ", e2e " + e2e.executed();
    Verdict verdict = availability.contains(Verdict.UNREADABLE) ? Verdict.UNREADABLE
        : availability.contains(Verdict.MISSING) ? Verdict.MISSING
        : unit.executed() >= contract.executed() && contract.executed() >= e2e.executed() ? Verdict.PASS : Verdict.FAIL;
    List<Path> files = new ArrayList<>();
    for (Layer layer : List.of(Layer.UNIT, Layer.CONTRACT, Layer.E2E)) {
      files.addAll(evidence.of(layer).sources());
    }
    return new ConditionResult(condition.id(), null, "unit >= contract >= e2e", actual, verdict, files,
        condition.blocking(), condition.weight(), "");
  }

  private static String format(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
