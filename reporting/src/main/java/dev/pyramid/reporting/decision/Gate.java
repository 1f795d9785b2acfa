package dev.pyramid.reporting.decision;

import dev.pyramid.reporting.conditions.Category;
import dev.pyramid.reporting.conditions.Condition;
import dev.pyramid.reporting.conditions.Evaluation;
import dev.pyramid.reporting.conditions.Finding;
import dev.pyramid.reporting.conditions.QuarantinedFailure;
import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.flags.FlagFiles;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.EndpointMap;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.results.TestCase;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.RootCheck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, from one build's evidence and the policy, whether the build may move to a stage.
 *
 * <p>In this order: INCOMPLETE when a result root is unstamped, stamped for another build or
 * changed since ({@link Request#roots}); BLOCK when a blocking condition fails; INCOMPLETE when a
 * required layer or a condition has no evidence or unreadable evidence; then the score of the
 * non-blocking conditions: below the lane's warn threshold BLOCK, below its pass threshold
 * MANUAL_APPROVAL, else PROMOTE (LAYERS_PASS for a level run, which decides no promotion).
 *
 * <p>Each condition is judged by its kind ({@link dev.pyramid.reporting.conditions.ConditionKind});
 * the gate adds what no kind decides alone: the stamps, the layers' own verdicts, the quarantined
 * failures the kinds are given, the score and the outcome. Stateless and thread-safe.
 */
public final class Gate {

  /**
   * What to decide.
   *
   * @param roots the stamp check of every root the evidence was read from
   * @param level the layers of a level run; empty to decide the whole stage
   * @param today the day quarantine entries and flags' removal dates are judged on
   * @param flags the flag files the policy names, read
   */
  public record Request(
      Evidence evidence,
      List<RootCheck> roots,
      Policy policy,
      String lane,
      String stage,
      List<Layer> level,
      BuildIdentity build,
      Quarantine quarantine,
      Optional<Baseline> baseline,
      LocalDate today,
      FlagFiles flags) {

    /** A request whose policy names no flag files. */
    public Request(
        Evidence evidence,
        List<RootCheck> roots,
        Policy policy,
        String lane,
        String stage,
        List<Layer> level,
        BuildIdentity build,
        Quarantine quarantine,
        Optional<Baseline> baseline,
        LocalDate today) {
      this(
          evidence,
          roots,
          policy,
          lane,
          stage,
          level,
          build,
          quarantine,
          baseline,
          today,
          FlagFiles.NONE);
    }
  }

  /**
   * Decides.
   *
   * @throws UsageException when the lane or the stage is not in the policy
   */
  public Decision decide(Request request) throws UsageException {
    Policy policy = request.policy();
    Policy.Lane lane =
        policy
            .lane(request.lane())
            .orElseThrow(
                () ->
                    new UsageException(
                        "lane \""
                            + request.lane()
                            + "\" is not in "
                            + policy.source()
                            + "; it has "
                            + policy.lanes().keySet()));
    Policy.Stage stage =
        lane.stage(request.stage())
            .orElseThrow(
                () ->
                    new UsageException(
                        "stage \""
                            + request.stage()
                            + "\" is not on the promotion path "
                            + policy.path()
                            + " of "
                            + policy.source()));
    List<Layer> layers = request.level().isEmpty() ? stage.require() : request.level();
    List<Problem> binding = binding(request);
    List<QuarantinedFailure> quarantined = new ArrayList<>();
    List<LayerResult> layerResults = new ArrayList<>();
    for (Layer layer : layers) {
      LayerEvidence evidence = request.evidence().of(layer);
      layerResults.add(new LayerResult(layer, Evaluation.availability(evidence), evidence));
      for (TestCase testCase : evidence.testCases()) {
        if (testCase.isFailure()) {
          request
              .quarantine()
              .entryFor(testCase.id())
              .ifPresent(
                  entry ->
                      quarantined.add(
                          new QuarantinedFailure(
                              layer,
                              testCase,
                              entry.owner(),
                              entry.reason(),
                              entry.expires(),
                              !entry.validOn(request.today()))));
        }
      }
    }
    Evaluation evaluation =
        new Evaluation(
            request.evidence(),
            request.stage(),
            request.baseline(),
            quarantined,
            request.quarantine().retiredOn(request.today()),
            request.today(),
            stage.require(),
            request.flags());
    List<ConditionResult> conditions = new ArrayList<>();
    for (Condition condition : stage.conditions()) {
      if (condition.layer() == null
          ? request.level().isEmpty()
          : layers.contains(condition.layer())) {
        conditions.add(evaluate(condition, evaluation));
      }
    }
    List<LayerResult> judged = new ArrayList<>();
    for (LayerResult result : layerResults) {
      Verdict verdict = result.verdict();
      if (verdict == Verdict.PASS
          && conditions.stream()
              .anyMatch(
                  c ->
                      c.layer() == result.layer() && c.blocking() && c.verdict() == Verdict.FAIL)) {
        verdict = Verdict.FAIL;
      }
      if (verdict == Verdict.PASS) {
        // A condition without its evidence (no pact report, no JaCoCo) leaves the layer undecided.
        verdict =
            conditions.stream()
                .filter(c -> c.layer() == result.layer())
                .map(ConditionResult::verdict)
                .filter(v -> v == Verdict.MISSING || v == Verdict.UNREADABLE)
                .findFirst()
                .orElse(Verdict.PASS);
      }
      judged.add(new LayerResult(result.layer(), verdict, result.evidence()));
    }
    Double score = score(conditions);
    Outcome outcome =
        outcome(binding, judged, conditions, score, lane.score(), !request.level().isEmpty());
    return new Decision(
        request.stage(),
        lane.name(),
        request.build(),
        request.level(),
        outcome,
        judged,
        conditions,
        score,
        request.roots(),
        binding,
        quarantined,
        request.baseline(),
        EndpointMap.of(request.evidence(), layers));
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

  private static Outcome outcome(
      List<Problem> binding,
      List<LayerResult> layers,
      List<ConditionResult> conditions,
      Double score,
      Policy.Score thresholds,
      boolean levelRun) {
    if (!binding.isEmpty()) {
      return Outcome.INCOMPLETE;
    }
    if (conditions.stream().anyMatch(c -> c.blocking() && c.verdict() == Verdict.FAIL)
        || layers.stream().anyMatch(l -> l.verdict() == Verdict.FAIL)) {
      return Outcome.BLOCK;
    }
    if (layers.isEmpty()
        || layers.stream().anyMatch(l -> l.verdict() != Verdict.PASS)
        || conditions.stream()
            .anyMatch(c -> c.verdict() == Verdict.MISSING || c.verdict() == Verdict.UNREADABLE)) {
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

  /** A condition judged by its kind; missing or unreadable evidence is filed as infrastructure. */
  private static ConditionResult evaluate(Condition condition, Evaluation evaluation) {
    Finding finding = condition.kind().evaluate(condition, evaluation);
    Category category =
        finding.verdict() == Verdict.MISSING || finding.verdict() == Verdict.UNREADABLE
            ? Category.INFRASTRUCTURE
            : condition.kind().category(condition.layer());
    return new ConditionResult(
        condition.id(),
        condition.kind().key(),
        condition.layer(),
        finding.expected(),
        finding.actual(),
        finding.verdict(),
        finding.evidence(),
        condition.blocking(),
        condition.weight(),
        finding.note(),
        finding.items(),
        category);
  }
}
