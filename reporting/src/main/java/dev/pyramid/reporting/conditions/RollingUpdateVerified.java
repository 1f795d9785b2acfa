package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.util.List;

/**
 * {@code rolling-update-verified}: the e2e journeys pass while the services run as processes of
 * mixed builds, some from the build the stage runs and the others from this one, as they do for
 * minutes during a rolling update. The e2e tests run the journeys once per mix and record what they
 * started (evidence source {@code rolling-update}); this condition holds each run to the build the
 * history says the stage runs, not to the pointer by which the tests found one, and requires every
 * artifact that build kept to have served beside the candidate in a run with no failed journey
 * ({@link RollingUpdateCheck}).
 *
 * <p>It fails closed: no run for the stage, a run against another build or none, a run that is not
 * mixed, one whose journeys were all skipped and a failed journey all fail. With no build at the
 * stage yet, or one that kept no artifacts, the verdict is {@link Verdict#NO_BASELINE}, reported.
 */
final class RollingUpdateVerified extends Holds {

  @Override
  public String key() {
    return "rolling-update-verified";
  }

  @Override
  public Scope scope() {
    return Scope.only(Layer.E2E);
  }

  @Override
  public String summary() {
    return "the e2e journeys pass with services of mixed builds, each artifact the stage's build"
        + " kept serving beside the candidate's services, as during a rolling update"
        + " (evidence: rolling-update)";
  }

  @Override
  public String example() {
    return "{ rolling-update-verified: true }";
  }

  /** A journey that fails across builds is a break of compatibility between them. */
  @Override
  public Category category(Layer layer) {
    return Category.CONTRACT;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(Layer.E2E);
    String expected = "every mix passes";
    AgainstStage start =
        AgainstStage.start(
            evaluation,
            layer,
            expected,
            List.of("artifacts"),
            "no artifacts (deployed.artifacts) to start its services from");
    if (start.ended() != null) {
      return start.ended();
    }
    Baseline running = start.running();
    RollingUpdateCheck check = new RollingUpdateCheck(running);
    check.judge(layer.rollingUpdates());
    return new Finding(
        expected,
        check.actual(),
        check.failures() == 0 ? Verdict.PASS : Verdict.FAIL,
        check.evidence(),
        check.note(),
        check.items());
  }
}
