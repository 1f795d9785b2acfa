package dev.pyramid.reporting.render;

import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Layer;
import java.util.List;
import java.util.stream.Collectors;

/** The one line that states a decision, the same in every rendering. */
public final class VerdictLine {

  private VerdictLine() {}

  /** E.g. "PROMOTE to production", "unit layer passes; no promotion decided (level=unit)". */
  public static String of(Decision decision) {
    String level = decision.level().stream().map(Layer::id).collect(Collectors.joining(","));
    String scope = decision.isLevelRun() ? "; no promotion decided (level=" + level + ")" : "";
    return switch (decision.outcome()) {
      case PROMOTE ->
          "PROMOTE to "
              + decision.stage()
              + ": every required layer passes ("
              + layers(decision.layers())
              + ")";
      case LAYERS_PASS ->
          layers(decision.layers())
              + (decision.layers().size() == 1 ? " layer passes" : " layers pass")
              + scope;
      case MANUAL_APPROVAL ->
          "MANUAL_APPROVAL: every blocking condition passes for "
              + decision.stage()
              + " but the score "
              + score(decision)
              + " is below the pass threshold; failed: "
              + failed(decision.conditions(), decision.layers());
      case BLOCK ->
          "BLOCK: "
              + (decision.isLevelRun() ? level + " failed" : "not promoted to " + decision.stage())
              + "; failed: "
              + failed(decision.conditions(), decision.layers())
              + scope;
      case INCOMPLETE ->
          "INCOMPLETE: "
              + (decision.isLevelRun() ? level : decision.stage())
              + " not decided, evidence "
              + (decision.problems().isEmpty()
                  ? incomplete(decision)
                  : "not bound to this build ("
                      + decision.problems().size()
                      + " problem(s), first: "
                      + decision.problems().get(0)
                      + ")")
              + scope;
    };
  }

  /**
   * The tests behind the decision in the form any CI log reader knows, e.g. "pyramid: 177 passed, 0
   * failed, 0 skipped" (errored tests count as failed).
   */
  public static String totals(Decision decision) {
    Counts sum =
        decision.layers().stream()
            .map(l -> l.evidence().counts())
            .reduce(Counts.NONE, Counts::plus);
    return "pyramid: "
        + sum.passed()
        + " passed, "
        + (sum.failed() + sum.errored())
        + " failed, "
        + sum.skipped()
        + " skipped";
  }

  private static String layers(List<LayerResult> layers) {
    return layers.stream().map(l -> l.layer().id()).collect(Collectors.joining(", "));
  }

  private static String failed(List<ConditionResult> conditions, List<LayerResult> layers) {
    String failedConditions =
        conditions.stream()
            .filter(c -> c.verdict() == Verdict.FAIL)
            .map(c -> c.id() + " (expected " + c.expected() + ", actual " + c.actual() + ")")
            .collect(Collectors.joining(", "));
    return failedConditions.isEmpty()
        ? layers.stream()
            .filter(l -> l.verdict() == Verdict.FAIL)
            .map(l -> l.layer().id())
            .collect(Collectors.joining(", "))
        : failedConditions;
  }

  /** The score as "75%", or "n/a" without weighted conditions. */
  public static String score(Decision decision) {
    return decision.score() == null
        ? "n/a"
        : String.format(java.util.Locale.ROOT, "%.0f%%", decision.score());
  }

  private static String incomplete(Decision decision) {
    List<LayerResult> layers = decision.layers();
    String conditions =
        decision.conditions().stream()
            .filter(c -> c.verdict() == Verdict.MISSING || c.verdict() == Verdict.UNREADABLE)
            .map(c -> c.id() + " " + c.verdict().id())
            .collect(Collectors.joining(", "));
    if (layers.isEmpty()) {
      return "missing: the stage requires no layer";
    }
    StringBuilder text = new StringBuilder();
    for (Verdict verdict : List.of(Verdict.MISSING, Verdict.UNREADABLE)) {
      String names =
          layers.stream()
              .filter(l -> l.verdict() == verdict)
              .map(l -> l.layer().id())
              .collect(Collectors.joining(", "));
      if (!names.isEmpty()) {
        text.append(text.length() == 0 ? "" : "; ").append(verdict.id()).append(": ").append(names);
      }
    }
    if (!conditions.isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ").append("conditions: ").append(conditions);
    }
    return text.toString();
  }
}
