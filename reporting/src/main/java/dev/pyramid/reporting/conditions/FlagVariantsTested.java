package dev.pyramid.reporting.conditions;

import dev.pyramid.flags.RegisteredFlag;
import dev.pyramid.reporting.results.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code flag-variants-tested}: every variant of every registered flag was exercised by at least
 * one passing test of a layer the stage requires, so that whichever state a stage is switched to,
 * its code ran under a test. An evaluation counts for a variant when the test that made it passed
 * and was the only test running at the time (under parallel execution an evaluation cannot be told
 * apart otherwise); one that named no variant (the flag unset: the caller's default) counts for the
 * one registered variant of that value. A variant nothing exercised blocks, named with the flag's
 * owner.
 */
final class FlagVariantsTested extends Holds {

  @Override
  public String key() {
    return "flag-variants-tested";
  }

  @Override
  public Scope scope() {
    return Scope.acrossRequired(FlagsRegistered.READS);
  }

  @Override
  public String summary() {
    return "every variant of every flag in the registry was evaluated by a passing test of the"
        + " stage's layers (evidence: flag-evaluations), that test running alone at the time; a"
        + " variant no test exercised is named, with the flag's owner";
  }

  @Override
  public String example() {
    return "{ flag-variants-tested: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.TEST_DEFECT;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    String expected = "all variants tested";
    List<Layer> layers = scope().read(evaluation.required());
    FlagEvidence flags = FlagEvidence.start(evaluation, layers, expected, true);
    if (flags.ended() != null) {
      return flags.ended();
    }
    int variants = 0;
    List<String> untested = new ArrayList<>();
    Map<String, Set<String>> tested =
        TestedFlagVariants.of(flags.registry().flags(), flags.files());
    for (RegisteredFlag flag : flags.registry().flags().values()) {
      Set<String> exercised = tested.get(flag.name());
      for (String variant : flag.config().variants().keySet()) {
        variants++;
        if (!exercised.contains(variant)) {
          untested.add(
              flag.name()
                  + "="
                  + variant
                  + " (owner "
                  + flag.owner()
                  + "): no passing test of "
                  + FlagEvidence.names(layers)
                  + " evaluated it");
        }
      }
    }
    String actual = (variants - untested.size()) + " of " + variants + " tested";
    if (untested.isEmpty()) {
      return new Finding(expected, actual, Verdict.PASS, flags.sources(), "");
    }
    return new Finding(
        expected,
        actual,
        Verdict.FAIL,
        flags.sources(),
        "variant "
            + untested.get(0)
            + "; run a test in that state (@FlagStates, @FlagMatrix, @WithFlags)",
        untested);
  }
}
