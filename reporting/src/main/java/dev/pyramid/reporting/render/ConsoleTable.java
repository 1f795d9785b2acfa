package dev.pyramid.reporting.render;

import dev.pyramid.reporting.conditions.QuarantinedFailure;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.stamp.RootCheck;
import java.util.List;

/** Renders a decision as the plain-text table the gate prints: layers, conditions, verdict line. */
public final class ConsoleTable {

  /** The items a condition names that the console lists; decision.json lists them all. */
  static final int LISTED_ITEMS = 20;

  private ConsoleTable() {}

  /** The table, ending with the verdict line and a newline. */
  public static String render(Decision decision) {
    StringBuilder out = new StringBuilder();
    out.append("Pyramid gate: stage ")
        .append(decision.stage())
        .append(", lane ")
        .append(decision.lane())
        .append(", ")
        .append(decision.build());
    if (decision.isLevelRun()) {
      out.append(" (level run: these layers only, NOT a promotion decision)");
    }
    out.append('\n');
    String layerRow = "%-9s %7s %7s %7s %8s %8s %6s  %s%n";
    out.append(
        String.format(
            layerRow, "layer", "tests", "passed", "failed", "errored", "skipped", "flaky",
            "verdict"));
    for (LayerResult layer : decision.layers()) {
      Counts c = layer.evidence().counts();
      out.append(
          String.format(
              layerRow,
              layer.layer().id(),
              c.tests(),
              c.passed(),
              c.failed(),
              c.errored(),
              c.skipped(),
              c.flaky(),
              layer.verdict().id()));
    }
    if (!decision.conditions().isEmpty()) {
      out.append('\n');
      String conditionRow = "%-34s %-10s %-22s %-34s %s%n";
      out.append(String.format(conditionRow, "condition", "kind", "expected", "actual", "verdict"));
      for (ConditionResult condition : decision.conditions()) {
        out.append(
            String.format(
                conditionRow,
                condition.id(),
                condition.blocking() ? "blocking" : "weight " + Weight.of(condition.weight()),
                condition.expected(),
                condition.actual(),
                condition.verdict().id()));
        if (!condition.note().isEmpty()) {
          out.append("    ").append(condition.note()).append('\n');
        }
        List<String> items = condition.items();
        for (String item : items.subList(0, Math.min(items.size(), LISTED_ITEMS))) {
          out.append("    - ").append(item).append('\n');
        }
        if (items.size() > LISTED_ITEMS) {
          out.append("    ... and ")
              .append(items.size() - LISTED_ITEMS)
              .append(" more: decision.json lists them all\n");
        }
      }
      if (decision.score() != null) {
        out.append("score of weighted conditions: ")
            .append(VerdictLine.score(decision))
            .append('\n');
      }
    }
    out.append(EndpointMapText.console(decision.endpoints()));
    for (QuarantinedFailure q : decision.quarantined()) {
      out.append(q.expired() ? "EXPIRED quarantine (blocks): " : "quarantined (does not block): ")
          .append(q.testCase().id())
          .append(", owner ")
          .append(q.owner())
          .append(", expires ")
          .append(q.expires())
          .append(", reason: ")
          .append(q.reason())
          .append('\n');
    }
    for (LayerResult layer : decision.layers()) {
      for (Problem problem : layer.evidence().problems()) {
        out.append(problem.missing() ? "missing " : "unreadable ")
            .append(layer.layer().id())
            .append(" evidence: ")
            .append(problem)
            .append('\n');
      }
    }
    for (RootCheck root : decision.roots()) {
      out.append("root ")
          .append(root.root())
          .append(": ")
          .append(
              root.stamp()
                  .map(
                      s ->
                          "stamped "
                              + s.stampedAt()
                              + " for "
                              + s.build()
                              + ", "
                              + s.files()
                              + " file(s)")
                  .orElse("no stamp"))
          .append('\n');
    }
    for (Problem problem : decision.problems()) {
      out.append("evidence not bound to this build: ").append(problem).append('\n');
    }
    out.append('\n')
        .append(VerdictLine.of(decision))
        .append(" [exit ")
        .append(decision.outcome().exitCode())
        .append("]\n");
    return out.toString();
  }
}
