package dev.pyramid.reporting.render;

import dev.pyramid.reporting.metrics.DeliveryMetrics;
import dev.pyramid.reporting.metrics.Durations;
import dev.pyramid.reporting.metrics.ScannedHistory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Renders delivery metrics as the console's text: the DORA keys first, then each stage. */
public final class MetricsTable {
  private MetricsTable() {}

  /** How many of a stage's blocking conditions are listed. */
  static final int TOP_CONDITIONS = 5;

  /** The text, ending with a newline. */
  public static String render(DeliveryMetrics metrics) {
    StringBuilder out = new StringBuilder();
    double days = metrics.period().days();
    out.append(
        String.format(
            Locale.ROOT,
            "Delivery metrics from %s to %s (%.1f days)%n",
            metrics.period().from(),
            metrics.period().to(),
            days));
    if (!metrics.leftOut().isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "PARTIAL: %d line(s) of the history left out; the figures cover the readable part:%n",
              metrics.leftOut().size()));
      for (ScannedHistory.LeftOut line : metrics.leftOut()) {
        out.append("  ").append(line.message()).append('\n');
      }
    }
    int deployed = metrics.deployments().size();
    out.append(String.format(Locale.ROOT, "%n%s (DORA keys)%n", metrics.production()));
    out.append(
        String.format(
            Locale.ROOT,
            "  deployment frequency  %d deployments: %s a day, %s a week, %s a month; band %s%n",
            deployed,
            rate(deployed, days, 1),
            rate(deployed, days, 7),
            rate(deployed, days, 30),
            metrics.band().name().toLowerCase(Locale.ROOT)));
    out.append(
        String.format(
            Locale.ROOT,
            "  lead time for changes %s%s%n",
            durations(metrics.leadTimes()),
            metrics.withoutCommitTime() == 0
                ? ""
                : "; " + metrics.withoutCommitTime() + " deployment(s) without a commit time"));
    out.append(
        String.format(
            Locale.ROOT,
            "  change failure rate   %s (%d of %d followed within %s by a rollback or a hotfix)%n",
            percent(metrics.changeFailureRate()),
            metrics.failed().size(),
            deployed,
            human(metrics.failureWindow())));
    out.append(
        String.format(
            Locale.ROOT, "  recovery time         %s%n", durations(metrics.recoveryTimes())));
    out.append(
        String.format(
            Locale.ROOT,
            "%n%-12s %11s %9s %9s %10s %10s %10s  %s%n",
            "stage",
            "deployments",
            "a week",
            "rollbacks",
            "flags",
            "decisions",
            "block rate",
            "blocking most"));
    for (DeliveryMetrics.StageFigures stage : metrics.stages()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %11d %9s %9d %10d %10d %10s  %s%n",
              stage.stage(),
              stage.deployments(),
              rate(stage.deployments(), days, 7),
              stage.rollbacks(),
              stage.deliveries(),
              stage.decisionCount(),
              percent(stage.blockRate()),
              top(stage.blockingConditions())));
    }
    return out.toString();
  }

  private static String top(Map<String, Integer> conditions) {
    StringBuilder text = new StringBuilder();
    conditions.entrySet().stream()
        .limit(TOP_CONDITIONS)
        .forEach(
            c ->
                text.append(text.length() == 0 ? "" : ", ")
                    .append(c.getKey())
                    .append(" (")
                    .append(c.getValue())
                    .append(')'));
    return text.length() == 0 ? "-" : text.toString();
  }

  static String rate(int count, double days, int per) {
    return days <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", count / days * per);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  static String durations(Durations durations) {
    if (durations.count() == 0) {
      return "none measured";
    }
    return "median "
        + human(durations.median())
        + ", p90 "
        + human(durations.p90())
        + " ("
        + durations.count()
        + " measured)";
  }

  /** "2 d 3 h", "1 d", "3 h 5 min", "12 min", "40 s": the two largest units, no zero one. */
  static String human(Duration duration) {
    if (duration == null) {
      return "-";
    }
    long seconds = duration.toSeconds();
    if (seconds >= 86_400) {
      return seconds / 86_400
          + " d"
          + (seconds % 86_400 < 3600 ? "" : " " + seconds % 86_400 / 3600 + " h");
    }
    if (seconds >= 3600) {
      return seconds / 3600
          + " h"
          + (seconds % 3600 < 60 ? "" : " " + seconds % 3600 / 60 + " min");
    }
    return seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
  }
}
