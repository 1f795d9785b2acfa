package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.LayerEvidence;
import java.util.List;
import java.util.Optional;

/**
 * Where every condition that judges the candidate against the build a stage runs begins: the
 * layer's evidence must be readable, the stage must run a build, and that build must have kept what
 * the condition compares with. Otherwise the judgement ends there, with the finding that says
 * which: unreadable, or {@code no-baseline}, reported and not failing.
 *
 * @param running the build the stage runs, when the judgement goes on
 * @param ended the finding that ends it, when it does not
 */
record AgainstStage(Baseline running, Finding ended) {

  /**
   * @param kinds the kinds of kept files of which at least one must be there ({@code api}, {@code
   *     pacts}, {@code artifacts})
   * @param keptNothing what the stage's build kept none of, for the note (e.g. {@code "no artifacts
   *     (deployed.artifacts) to start its services from"})
   */
  static AgainstStage start(
      Evaluation evaluation,
      LayerEvidence layer,
      String expected,
      List<String> kinds,
      String keptNothing) {
    if (!layer.problems().isEmpty()) {
      return ended(
          new Finding(expected, "n/a", Evaluation.availability(layer), layer.sources(), ""));
    }
    Optional<Baseline> baseline = evaluation.baseline();
    if (baseline.isEmpty()) {
      return ended(noBaseline(expected, layer, evaluation.stage() + " runs no build yet"));
    }
    Baseline running = baseline.get();
    if (kinds.stream().allMatch(kind -> running.kept(kind).isEmpty())) {
      return ended(
          noBaseline(
              expected,
              layer,
              running.stage() + "'s build " + running.build() + " kept " + keptNothing));
    }
    return new AgainstStage(running, null);
  }

  private static AgainstStage ended(Finding finding) {
    return new AgainstStage(null, finding);
  }

  private static Finding noBaseline(String expected, LayerEvidence layer, String why) {
    return new Finding(
        expected,
        "n/a",
        Verdict.NO_BASELINE,
        layer.sources(),
        "no baseline: " + why + "; the condition does not fail");
  }
}
