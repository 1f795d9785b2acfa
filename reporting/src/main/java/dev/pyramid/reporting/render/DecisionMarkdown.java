package dev.pyramid.reporting.render;

import dev.pyramid.reporting.conditions.QuarantinedFailure;
import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.stamp.RootCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Renders a decision as {@code decision.md}, shaped to be posted as a pull-request comment. */
public final class DecisionMarkdown {

  /** The items a condition names that decision.md lists; decision.json lists them all. */
  static final int LISTED_ITEMS = 200;

  private DecisionMarkdown() {}

  /** The Markdown text. */
  public static String render(Decision decision) {
    StringBuilder md = new StringBuilder();
    md.append("### ")
        .append(icon(decision))
        .append(" Pyramid gate: ")
        .append(escape(VerdictLine.of(decision)))
        .append("\n\n");
    md.append("Stage `")
        .append(decision.stage())
        .append("`, lane `")
        .append(decision.lane())
        .append("`, commit `")
        .append(decision.build().commit())
        .append("`, build `")
        .append(decision.build().buildId())
        .append("`.\n\n");
    if (decision.isLevelRun()) {
      md.append(
          "> Level run: only the layers below were decided. This is **not** a promotion decision.\n\n");
    }
    md.append("| layer | tests | passed | failed | errored | skipped | flaky | verdict |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (LayerResult layer : decision.layers()) {
      Counts c = layer.evidence().counts();
      md.append("| ")
          .append(layer.layer().id())
          .append(" | ")
          .append(c.tests())
          .append(" | ")
          .append(c.passed())
          .append(" | ")
          .append(c.failed())
          .append(" | ")
          .append(c.errored())
          .append(" | ")
          .append(c.skipped())
          .append(" | ")
          .append(c.flaky())
          .append(" | ")
          .append(verdict(layer.verdict()))
          .append(" |\n");
    }
    if (!decision.conditions().isEmpty()) {
      md.append(
          "\n| condition | kind | expected | actual | verdict | note |\n| --- | --- | --- | --- | --- | --- |\n");
      for (ConditionResult condition : decision.conditions()) {
        md.append("| `")
            .append(condition.id())
            .append("` | ")
            .append(condition.blocking() ? "blocking" : "weight " + Weight.of(condition.weight()))
            .append(" | ")
            .append(escape(condition.expected()))
            .append(" | ")
            .append(escape(condition.actual()))
            .append(" | ")
            .append(verdict(condition.verdict()))
            .append(" | ")
            .append(escape(condition.note()))
            .append(" |\n");
      }
      for (ConditionResult condition : decision.conditions()) {
        if (!condition.items().isEmpty()) {
          md.append("\n<details><summary><code>")
              .append(condition.id())
              .append("</code>: ")
              .append(condition.items().size())
              .append(" item(s)</summary>\n\n");
          List<String> items = condition.items();
          for (String item : items.subList(0, Math.min(items.size(), LISTED_ITEMS))) {
            md.append("- `").append(escape(item).replace("`", "'")).append("`\n");
          }
          if (items.size() > LISTED_ITEMS) {
            md.append("- ... and ")
                .append(items.size() - LISTED_ITEMS)
                .append(" more: decision.json lists them all\n");
          }
          md.append("\n</details>\n");
        }
      }
      if (decision.score() != null) {
        md.append("\nScore of the weighted conditions: **")
            .append(VerdictLine.score(decision))
            .append("**.\n");
      }
    }
    md.append(EndpointMapText.markdown(decision.endpoints()));
    if (!decision.quarantined().isEmpty()) {
      md.append("\n**Quarantined failures**\n\n");
      for (QuarantinedFailure q : decision.quarantined()) {
        md.append("- `")
            .append(escape(q.testCase().id()))
            .append("`: ")
            .append(
                q.expired() ? "**expired " + q.expires() + ", blocks**" : "until " + q.expires())
            .append(", owner ")
            .append(escape(q.owner()))
            .append(", ")
            .append(escape(q.reason()))
            .append('\n');
      }
    }
    StringBuilder problems = new StringBuilder();
    for (LayerResult layer : decision.layers()) {
      for (Problem problem : layer.evidence().problems()) {
        problems
            .append("- ")
            .append(layer.layer().id())
            .append(": `")
            .append(problem.file())
            .append("`: ")
            .append(problem.missing() ? "evidence missing: " : "")
            .append(escape(problem.reason()))
            .append('\n');
      }
    }
    for (Problem problem : decision.problems()) {
      problems
          .append("- stamp: `")
          .append(problem.file())
          .append("`: ")
          .append(escape(problem.reason()))
          .append('\n');
    }
    if (problems.length() > 0) {
      md.append("\n**Evidence that cannot be used**\n\n").append(problems);
    }
    md.append("\n<details><summary>Result roots</summary>\n\n");
    for (RootCheck root : decision.roots()) {
      md.append("- `")
          .append(root.root())
          .append("`: ")
          .append(
              root.stamp()
                  .map(s -> "stamped " + s.stampedAt() + ", " + s.files() + " file(s)")
                  .orElse("no stamp"))
          .append('\n');
    }
    md.append("\n</details>\n\nExit code ").append(decision.outcome().exitCode()).append(".\n");
    return md.toString();
  }

  /** Writes the Markdown text to {@code file}, creating its directory. */
  public static void write(Decision decision, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(decision));
  }

  /** Appends the Markdown text to {@code file} (GitHub's step summary), creating it if needed. */
  public static void append(Decision decision, Path file) throws IOException {
    Files.writeString(
        file,
        render(decision) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static String icon(Decision decision) {
    return switch (decision.outcome()) {
      case PROMOTE, LAYERS_PASS -> "✅";
      case BLOCK -> "❌";
      case INCOMPLETE, MANUAL_APPROVAL -> "⚠️";
    };
  }

  private static String verdict(Verdict verdict) {
    return verdict == Verdict.PASS ? "pass" : "**" + verdict.id() + "**";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
