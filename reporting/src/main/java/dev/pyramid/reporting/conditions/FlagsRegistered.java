package dev.pyramid.reporting.conditions;

import dev.pyramid.flags.FlagRegistry;
import dev.pyramid.reporting.results.FlagEvaluations;
import dev.pyramid.reporting.results.Layer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code flags-registered}: every feature flag a test evaluated is accounted for in the registry
 * (with its owner, description, kind and removal date, which the registry's reader already holds
 * each entry to). A flag evaluated in code but missing from the registry blocks, named with a test
 * that evaluated it: nobody owns it, nobody will remove it, and no stage's file sets it.
 */
final class FlagsRegistered extends Holds {
  static final List<Layer> READS = List.of(Layer.UNIT, Layer.CONTRACT, Layer.E2E, Layer.UI);

  @Override
  public String key() {
    return "flags-registered";
  }

  @Override
  public Scope scope() {
    return Scope.acrossRequired(READS);
  }

  @Override
  public String summary() {
    return "every feature flag a test of the stage's layers evaluated (evidence: flag-evaluations)"
        + " is in the flag registry (flags.registry), which gives each an owner, a description, a"
        + " kind and a removal date; an unknown flag is named with a test that evaluated it";
  }

  @Override
  public String example() {
    return "{ flags-registered: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.PRODUCT_DEFECT;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    String expected = "all registered";
    FlagEvidence flags =
        FlagEvidence.start(evaluation, scope().read(evaluation.required()), expected, true);
    if (flags.ended() != null) {
      return flags.ended();
    }
    FlagRegistry registry = flags.registry();
    Map<String, String> unknown = new TreeMap<>();
    Map<String, Boolean> seen = new TreeMap<>();
    for (FlagEvaluations file : flags.files()) {
      for (FlagEvaluations.TestRun run : file.tests()) {
        for (FlagEvaluations.Evaluated evaluated : run.evaluations()) {
          seen.put(evaluated.flag(), true);
          if (registry.flag(evaluated.flag()).isEmpty()) {
            unknown.putIfAbsent(evaluated.flag(), run.name() + " (" + file.layer().id() + ")");
          }
        }
      }
      for (FlagEvaluations.Evaluated evaluated : file.outsideTests()) {
        seen.put(evaluated.flag(), true);
        if (registry.flag(evaluated.flag()).isEmpty()) {
          unknown.putIfAbsent(
              evaluated.flag(), "code outside any test, recorded in " + file.file());
        }
      }
    }
    if (unknown.isEmpty()) {
      return new Finding(
          expected, "all " + seen.size() + " registered", Verdict.PASS, flags.sources(), "");
    }
    List<String> items =
        unknown.entrySet().stream()
            .map(entry -> entry.getKey() + ": evaluated by " + entry.getValue())
            .toList();
    Map.Entry<String, String> first = unknown.entrySet().iterator().next();
    return new Finding(
        expected,
        unknown.size() + " unknown: " + String.join(", ", unknown.keySet()),
        Verdict.FAIL,
        flags.sources(),
        "flag \""
            + first.getKey()
            + "\" is evaluated by "
            + first.getValue()
            + " but is not in the registry "
            + registry.file()
            + "; register it there with an owner, a description, a kind and a removal date",
        items);
  }
}
