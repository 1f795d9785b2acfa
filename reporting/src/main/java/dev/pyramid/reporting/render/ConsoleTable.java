package dev.pyramid.reporting.render;

import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Problem;

/** Renders a decision as the plain-text table the gate prints: layers, conditions, verdict line. */
public final class ConsoleTable {

  private ConsoleTable() {}

  /** The table, ending with the verdict line and a newline. */
  public static String render(Decision decision) {
    StringBuilder out = new StringBuilder();
    out.append("Pyramid gate: stage ").append(decision.stage());
    if (decision.isLevelRun()) {
      out.append(" (level run: these layers only, NOT a promotion decision)");
    }
    out.append('\n');
    String layerRow = "%-9s %7s %7s %7s %8s %8s  %s%n";
    out.append(String.format(layerRow, "layer", "tests", "passed", "failed", "errored", "skipped", "verdict"));
    for (LayerResult layer : decision.layers()) {
      Counts c = layer.evidence().counts();
      out.append(String.format(layerRow, layer.layer().id(), c.tests(), c.passed(), c.failed(), c.errored(),
          c.skipped(), layer.verdict().id()));
    }
    if (!decision.conditions().isEmpty()) {
      out.append('\n');
      String conditionRow = "%-34s %-14s %-34s %s%n";
      out.append(String.format(conditionRow, "condition", "expected", "actual", "verdict"));
      for (ConditionResult condition : decision.conditions()) {
        out.append(String.format(conditionRow, condition.id(), condition.expected(), condition.actual(),
            condition.verdict().id()));
      }
    }
    for (LayerResult layer : decision.layers()) {
      for (Problem problem : layer.evidence().problems()) {
        out.append("unreadable ").append(layer.layer().id()).append(" evidence: ").append(problem).append('\n');
      }
    }
    out.append('\n').append(VerdictLine.of(decision))
        .append(" [exit ").append(decision.outcome().exitCode()).append("]\n");
    return out.toString();
  }
}
