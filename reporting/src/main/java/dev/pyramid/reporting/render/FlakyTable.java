package dev.pyramid.reporting.render;

import dev.pyramid.reporting.metrics.FlipRates;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Renders the flaky tests across builds: as the console's table, and as quarantine entries for
 * their owners to review.
 */
public final class FlakyTable {
  private FlakyTable() {}

  /** The table of the {@code top} worst, ending with a newline. */
  public static String render(FlipRates.Report report, int top) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%d build(s) looked at%s; %d flaky test(s): failed and passed on the same commit, or"
                + " passed only when rerun%n",
            report.builds().size(),
            report.withoutTests() == 0
                ? ""
                : " (" + report.withoutTests() + " without their executed tests: failures only)",
            report.flaky().size()));
    if (report.flaky().isEmpty()) {
      return out.toString();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n%9s %5s %4s %8s %6s  %-8s %-60s %s%n",
            "flip rate",
            "flips",
            "runs",
            "failures",
            "reruns",
            "layer",
            "test",
            "commits where it flipped"));
    for (FlipRates.FlakyTest test : report.flaky().stream().limit(top).toList()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%9s %5d %4d %8d %6d  %-8s %-60s %s%n",
              MetricsTable.percent(test.flipRate()),
              test.flips(),
              test.runs(),
              test.failures(),
              test.rerunFlaky(),
              test.layer(),
              test.id(),
              String.join(", ", test.commits().stream().map(FlakyTable::shortCommit).toList())));
    }
    if (report.flaky().size() > top) {
      out.append("... and ").append(report.flaky().size() - top).append(" more (--top)\n");
    }
    return out.toString();
  }

  /**
   * The {@code top} worst as quarantine entries, in quarantine.yml's format, for review: each
   * entry's owner is left empty, which the gate refuses, so that no test is quarantined until a
   * person has named who fixes it.
   */
  public static String quarantineDraft(
      FlipRates.Report report, int top, String history, LocalDate today, LocalDate expires) {
    StringBuilder out = new StringBuilder();
    out.append("# Written by `pyramid flaky` on ")
        .append(today)
        .append(" from ")
        .append(history)
        .append(": tests that failed and passed on one commit.\n")
        .append("# A draft for review: Pyramid never quarantines a test by itself. For each entry")
        .append(" you keep, name\n# its owner (the gate refuses an empty one), check the reason")
        .append(" and the expiry, and move it\n# into quarantine.yml's quarantine: list.\n")
        .append("quarantine:\n");
    List<FlipRates.FlakyTest> worst = report.flaky().stream().limit(top).toList();
    for (FlipRates.FlakyTest test : worst) {
      out.append("  - test: \"").append(yaml(test.id())).append("\"\n");
      out.append("    owner: \"\"\n");
      out.append(
          String.format(
              Locale.ROOT,
              "    reason: \"%s layer: flipped %d time(s) in its last %d builds (flip rate %s)%s%s\"%n",
              test.layer(),
              test.flips(),
              test.runs(),
              MetricsTable.percent(test.flipRate()),
              test.commits().isEmpty()
                  ? ""
                  : "; failed and passed on "
                      + String.join(
                          ", ", test.commits().stream().map(FlakyTable::shortCommit).toList()),
              test.rerunFlaky() == 0
                  ? ""
                  : "; passed only when rerun in " + test.rerunFlaky() + " build(s)"));
      out.append("    expires: ").append(expires).append('\n');
    }
    if (worst.isEmpty()) {
      out.setLength(out.length() - "quarantine:\n".length());
      out.append("quarantine: []\n");
    }
    return out.toString();
  }

  private static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private static String yaml(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
