package dev.pyramid.reporting.render;

import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.decision.Verdict;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders a decision as {@code decision.md}, shaped to be posted as a pull-request comment. */
public final class DecisionMarkdown {

  private DecisionMarkdown() {}

  /** The Markdown text. */
  public static String render(Decision decision) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(icon(decision)).append(" Pyramid gate: ").append(escape(VerdictLine.of(decision)))
        .append("\n\n");
    if (decision.isLevelRun()) {
      md.append("> Level run: only the layers below were decided. This is **not** a promotion decision.\n\n");
    }
    md.append("| layer | tests | passed | failed | errored | skipped | verdict |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (LayerResult layer : decision.layers()) {
      Counts c = layer.evidence().counts();
      md.append("| ").append(layer.layer().id()).append(" | ").append(c.tests()).append(" | ").append(c.passed())
          .append(" | ").append(c.failed()).append(" | ").append(c.errored()).append(" | ").append(c.skipped())
          .append(" | ").append(verdict(layer.verdict())).append(" |\n");
    }
    if (!decision.conditions().isEmpty()) {
      md.append("\n| condition | expected | actual | verdict |\n| --- | --- | --- | --- |\n");
      for (ConditionResult condition : decision.conditions()) {
        md.append("| `").append(condition.id()).append("` | ").append(escape(condition.expected())).append(" | ")
            .append(escape(condition.actual())).append(" | ").append(verdict(condition.verdict())).append(" |\n");
      }
    }
    StringBuilder problems = new StringBuilder();
    for (LayerResult layer : decision.layers()) {
      for (Problem problem : layer.evidence().problems()) {
        problems.append("- ").append(layer.layer().id()).append(": `").append(problem.file()).append("`: ")
            .append(escape(problem.reason())).append('\n');
      }
    }
    if (problems.length() > 0) {
      md.append("\n**Unreadable evidence**\n\n").append(problems);
    }
    md.append("\nExit code ").append(decision.outcome().exitCode()).append(".\n");
    return md.toString();
  }

  /** Writes the Markdown text to {@code file}, creating its directory. */
  public static void write(Decision decision, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(decision));
  }

  private static String icon(Decision decision) {
    return switch (decision.outcome()) {
      case PROMOTE, LAYERS_PASS -> "✅";
      case BLOCK -> "❌";
      case INCOMPLETE -> "⚠️";
    };
  }

  private static String verdict(Verdict verdict) {
    return verdict == Verdict.PASS ? "pass" : "**" + verdict.id() + "**";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
