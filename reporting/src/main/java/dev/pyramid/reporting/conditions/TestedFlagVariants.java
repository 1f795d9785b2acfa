package dev.pyramid.reporting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.flags.RegisteredFlag;
import dev.pyramid.reporting.results.FlagEvaluations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which variant of each registered flag a passing test exercised: an evaluation counts when the
 * test that made it passed and was the only test running at the time (under parallel execution an
 * evaluation cannot be told apart otherwise); one that named no variant (the flag unset: the
 * caller's default) counts for the one registered variant of that value. What {@code
 * flag-variants-tested} holds every variant to, and what the history keeps of a decision for {@code
 * pyramid deliver}.
 */
public final class TestedFlagVariants {
  private TestedFlagVariants() {}

  /** By registered flag (every one, in registry order), its variants exercised in {@code files}. */
  public static Map<String, Set<String>> of(
      Map<String, RegisteredFlag> registry, List<FlagEvaluations> files) {
    Map<String, Set<String>> tested = new LinkedHashMap<>();
    for (RegisteredFlag flag : registry.values()) {
      tested.put(flag.name(), new TreeSet<>());
    }
    for (FlagEvaluations file : files) {
      for (FlagEvaluations.TestRun run : file.tests()) {
        if (run.outcome() != FlagEvaluations.Outcome.PASSED) {
          continue;
        }
        for (FlagEvaluations.Evaluated evaluated : run.evaluations()) {
          RegisteredFlag flag = registry.get(evaluated.flag());
          if (evaluated.alone() && flag != null) {
            variant(flag, evaluated).ifPresent(tested.get(flag.name())::add);
          }
        }
      }
    }
    return tested;
  }

  /**
   * The registered variant an evaluation stands for: the one it names, or, when it names none, the
   * only one whose value it got.
   */
  private static Optional<String> variant(
      RegisteredFlag flag, FlagEvaluations.Evaluated evaluated) {
    Map<String, JsonNode> variants = flag.config().variants();
    if (evaluated.variant().isPresent()) {
      String named = evaluated.variant().get();
      return variants.containsKey(named) ? Optional.of(named) : Optional.empty();
    }
    List<String> sameValue =
        variants.entrySet().stream()
            .filter(entry -> entry.getValue().equals(evaluated.value()))
            .map(Map.Entry::getKey)
            .toList();
    return sameValue.size() == 1 ? Optional.of(sameValue.get(0)) : Optional.empty();
  }
}
