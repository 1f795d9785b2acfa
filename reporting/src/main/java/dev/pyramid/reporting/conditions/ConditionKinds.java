package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of condition kinds: the one place a kind is registered. The policy reader accepts
 * exactly these keys, the gate evaluates them, the report's categories and {@code pyramid policy
 * --explain} list them, in this order.
 */
public final class ConditionKinds {

  /** Every kind, in the order the documentation lists them. */
  public static final List<ConditionKind> ALL =
      List.of(
          new MinTests(),
          new MaxFailures(),
          new MaxFlaky(),
          new MaxSkipped(),
          new MaxVanishedTests(),
          new AllInteractionsVerified(),
          new ApiCompatible(),
          new DeployedContractsVerified(),
          new RollingUpdateVerified(),
          new FlagsRegistered(),
          new FlagVariantsTested(),
          new FlagRemovalDates(),
          new StageFlagsTested(),
          new AllAssertionsPass(),
          new LineCoverage(),
          new BranchCoverage(),
          new EndpointCoverage(),
          PerformanceFigure.p95(),
          PerformanceFigure.p99(),
          PerformanceFigure.max(),
          PerformanceFigure.errorPct(),
          PerformanceFigure.throughput(),
          new PyramidShape());

  private static final Map<String, ConditionKind> BY_KEY = byKey();

  private ConditionKinds() {}

  /** The kind whose policy key is {@code key}, if any. */
  public static Optional<ConditionKind> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The keys of the kinds that may be about {@code layer}, in table order. */
  public static List<String> keysFor(Layer layer) {
    return ALL.stream()
        .filter(kind -> kind.scope().allowed().contains(layer))
        .map(ConditionKind::key)
        .toList();
  }

  /** The keys of the kinds that take the option {@code option}, in table order. */
  public static List<String> keysTaking(String option) {
    return ALL.stream()
        .filter(kind -> kind.options().contains(option))
        .map(ConditionKind::key)
        .toList();
  }

  private static Map<String, ConditionKind> byKey() {
    Map<String, ConditionKind> byKey = new LinkedHashMap<>();
    for (ConditionKind kind : ALL) {
      if (byKey.put(kind.key(), kind) != null) {
        throw new IllegalStateException("two condition kinds with the key " + kind.key());
      }
      if (ConditionKind.COMMON_OPTIONS.contains(kind.key())) {
        throw new IllegalStateException("condition kind key " + kind.key() + " is a common option");
      }
    }
    return byKey;
  }
}
