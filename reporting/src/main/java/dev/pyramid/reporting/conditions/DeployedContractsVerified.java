package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.io.IOException;
import java.util.List;

/**
 * {@code deployed-contracts-verified}: the contracts between this build and the build the stage
 * runs hold both ways, as a rolling update needs while both run side by side. The pacts that build
 * kept (its consumers' expectations) are verified against this build's providers, and this build's
 * pacts against the stage's providers, started from the artifacts that build kept. The contract
 * tests run both and record each run (evidence source {@code stage-contracts}); this condition
 * holds what they verified to the build the history says the stage runs, not to the pointer by
 * which the tests found one ({@link DeployedContractsCheck}).
 *
 * <p>It fails closed: no verification for the stage, one against another build, a pact left
 * unverified or verified with no interaction all fail. With no build at the stage yet, or one that
 * kept neither pacts nor artifacts, the verdict is {@link Verdict#NO_BASELINE}, reported.
 */
final class DeployedContractsVerified extends Holds {

  @Override
  public String key() {
    return "deployed-contracts-verified";
  }

  @Override
  public Scope scope() {
    return Scope.only(Layer.CONTRACT);
  }

  @Override
  public String summary() {
    return "the pacts the stage's build kept verified against this build's providers, and this"
        + " build's pacts against the stage's providers started from its kept artifacts"
        + " (evidence: stage-contracts)";
  }

  @Override
  public String example() {
    return "{ deployed-contracts-verified: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.CONTRACT;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(Layer.CONTRACT);
    String expected = "verified both ways";
    AgainstStage start =
        AgainstStage.start(
            evaluation,
            layer,
            expected,
            List.of("pacts", "artifacts"),
            "no pacts and no artifacts (deployed.pacts, deployed.artifacts)");
    if (start.ended() != null) {
      return start.ended();
    }
    Baseline running = start.running();
    DeployedContractsCheck check = new DeployedContractsCheck(running, layer.pactFiles());
    try {
      check.judge(layer.stageVerifications());
    } catch (IOException e) {
      return new Finding(
          expected,
          "n/a",
          Verdict.UNREADABLE,
          check.evidence(),
          "a pact " + running.stage() + " runs cannot be read: " + e.getMessage());
    }
    return new Finding(
        expected,
        check.actual(),
        check.failures() == 0 ? Verdict.PASS : Verdict.FAIL,
        check.evidence(),
        check.note(),
        check.items());
  }
}
