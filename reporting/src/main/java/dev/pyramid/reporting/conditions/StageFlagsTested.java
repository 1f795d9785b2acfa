package dev.pyramid.reporting.conditions;

import dev.pyramid.flags.StageFlags;
import dev.pyramid.reporting.results.FlagEvaluations;
import dev.pyramid.reporting.results.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code stage-flags-tested}: the e2e layer ran with the flag file of the stage decided for, as it
 * is now (its SHA-256), and those runs passed: the flag states the stage will run, targeting
 * included, were tested, not only each state apart. The tests record such runs with
 * {@code @StageFlagStates}. No run with the file, a run with another version of it, or a failed run
 * blocks; so does a stage with no flag file where the policy keeps them.
 */
final class StageFlagsTested extends Holds {

  @Override
  public String key() {
    return "stage-flags-tested";
  }

  @Override
  public Scope scope() {
    return Scope.only(Layer.E2E);
  }

  @Override
  public String summary() {
    return "e2e tests ran, and passed, with the stage's own flag file as it is now (flags.stages,"
        + " <stage>.flagd.json; evidence: flag-evaluations, written by @StageFlagStates)";
  }

  @Override
  public String example() {
    return "{ stage-flags-tested: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.TEST_DEFECT;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    String stage = evaluation.stage();
    String expected = "passed with its file";
    FlagEvidence flags = FlagEvidence.start(evaluation, List.of(Layer.E2E), expected, true);
    if (flags.ended() != null) {
      return flags.ended();
    }
    Optional<StageFlags> stageFlags = evaluation.flags().stage(stage);
    if (stageFlags.isEmpty()) {
      return new Finding(
          expected,
          "no flag file",
          Verdict.FAIL,
          flags.sources(),
          "stage "
              + stage
              + " has no flag file where the policy keeps them (flags.stages, "
              + stage
              + ".flagd.json); give it one, even with no flag, so that what it runs is written down");
    }
    String sha256 = stageFlags.get().sha256();
    int passed = 0;
    List<String> failures = new ArrayList<>();
    int otherVersion = 0;
    for (FlagEvaluations file : flags.files()) {
      for (FlagEvaluations.TestRun run : file.tests()) {
        if (run.stageFlags().isEmpty() || !run.stageFlags().get().stage().equals(stage)) {
          continue;
        }
        if (!run.stageFlags().get().sha256().equals(sha256)) {
          otherVersion++;
        } else if (run.outcome() == FlagEvaluations.Outcome.PASSED) {
          passed++;
        } else {
          failures.add(run.name() + ": " + run.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    String file = stageFlags.get().file().toString();
    if (!failures.isEmpty()) {
      return new Finding(
          expected,
          failures.size() + " not passed",
          Verdict.FAIL,
          flags.sources(),
          "with " + file + ": " + failures.get(0),
          failures);
    }
    if (passed == 0) {
      return new Finding(
          expected,
          "not run",
          Verdict.FAIL,
          flags.sources(),
          otherVersion > 0
              ? otherVersion
                  + " run(s) used another version of "
                  + file
                  + " than the one the stage now has; run the e2e layer again"
              : "no e2e test ran with "
                  + file
                  + "; run journeys once per stage's flags with @StageFlagStates");
    }
    return new Finding(
        expected,
        passed + " passed with sha256 " + sha256.substring(0, 12),
        Verdict.PASS,
        flags.sources(),
        "");
  }
}
