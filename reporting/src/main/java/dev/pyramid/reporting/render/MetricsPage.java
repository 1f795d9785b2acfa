package dev.pyramid.reporting.render;

import dev.pyramid.reporting.metrics.DeliveryMetrics;
import dev.pyramid.reporting.metrics.ScannedHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders delivery metrics as one self-contained HTML page: the four DORA keys as tiles, then the
 * weekly trends as charts ({@link SvgChart}), then each stage's block rate and the conditions that
 * block it most. What a team looks at on a screen in the corridor, rather than reads.
 *
 * <p>Element ids the page's browser check relies on: {@code keys}, {@code partial} (only when lines
 * were left out), {@code deployments-per-week}, {@code production-per-week}, {@code
 * lead-time-per-week}, {@code block-rate-per-week}, {@code stages}.
 */
public final class MetricsPage {
  private MetricsPage() {}

  /** The file name the page is written as, in its folder. */
  public static final String FILE = "index.html";

  /** Writes the page to {@code folder}/{@value #FILE}. */
  public static Path write(DeliveryMetrics metrics, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(FILE);
    Files.writeString(file, render(metrics));
    return file;
  }

  /** The HTML text. */
  public static String render(DeliveryMetrics metrics) {
    double days = metrics.period().days();
    StringBuilder html = new StringBuilder();
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Delivery metrics</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:24px;color:#1d2733;background:#f6f7f9}
        h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px}
        .period{color:#5b6675;margin-bottom:16px}
        #keys{display:grid;grid-template-columns:repeat(4,minmax(160px,1fr));gap:12px}
        .key{background:#fff;border-radius:8px;padding:14px;box-shadow:0 1px 3px #0002}
        .key .name{font-size:13px;color:#5b6675} .key .value{font-size:28px;font-weight:600}
        .key .more{font-size:13px;color:#5b6675}
        .band{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;color:#fff}
        .elite{background:#2e8b57}.high{background:#2f6fb0}.medium{background:#d08a1e}.low{background:#c0392b}
        #partial{background:#fff3cd;border:1px solid #e0c060;border-radius:8px;padding:10px 14px}
        .chart{background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;width:100%;max-width:760px}
        .grid{stroke:#e3e6ea} .axis{font-size:11px;fill:#5b6675} .legend{font-size:12px;fill:#1d2733}
        table{border-collapse:collapse;background:#fff;box-shadow:0 1px 3px #0002}
        th,td{padding:6px 12px;text-align:left;border-bottom:1px solid #e3e6ea;font-size:14px}
        td.n{text-align:right}
        </style></head><body>
        <h1>Delivery metrics</h1>
        """);
    html.append(
        String.format(
            Locale.ROOT,
            "<div class=\"period\">%s to %s (%.1f days), from the gate's history</div>%n",
            metrics.period().from(),
            metrics.period().to(),
            days));
    if (!metrics.leftOut().isEmpty()) {
      html.append("<div id=\"partial\"><strong>Partial:</strong> ")
          .append(metrics.leftOut().size())
          .append(" line(s) of the history were left out; these figures cover the readable part.")
          .append("<ul>");
      for (ScannedHistory.LeftOut line : metrics.leftOut()) {
        html.append("<li>").append(Html.escape(line.message())).append("</li>");
      }
      html.append("</ul></div>\n");
    }
    int deployed = metrics.deployments().size();
    String band = metrics.band().name().toLowerCase(Locale.ROOT);
    html.append("<h2>").append(Html.escape(metrics.production())).append("</h2>\n");
    html.append("<div id=\"keys\">\n");
    key(
        html,
        "Deployment frequency",
        MetricsTable.rate(deployed, days, 7) + " a week",
        deployed + " deployments <span class=\"band " + band + "\">" + band + "</span>");
    key(
        html,
        "Lead time for changes (median)",
        MetricsTable.human(metrics.leadTimes().median()),
        "p90 "
            + MetricsTable.human(metrics.leadTimes().p90())
            + (metrics.withoutCommitTime() == 0
                ? ""
                : "; " + metrics.withoutCommitTime() + " without commit time"));
    key(
        html,
        "Change failure rate",
        MetricsTable.percent(metrics.changeFailureRate()),
        metrics.failed().size()
            + " of "
            + deployed
            + " rolled back or hotfixed within "
            + MetricsTable.human(metrics.failureWindow()));
    key(
        html,
        "Recovery time (median)",
        MetricsTable.human(metrics.recoveryTimes().median()),
        "p90 " + MetricsTable.human(metrics.recoveryTimes().p90()));
    html.append("</div>\n");

    List<String> weeks = new ArrayList<>();
    // A week cut by the period says how much of it is counted: its bars are shorter for that.
    metrics
        .weeks()
        .forEach(
            w ->
                weeks.add(
                    w.monday().toString().substring(5)
                        + (w.days() < 7 ? String.format(Locale.ROOT, " (%.1f d)", w.days()) : "")));
    SvgChart perStage = new SvgChart("deployments-per-week", "deployments", weeks);
    SvgChart blockRates = new SvgChart("block-rate-per-week", "% of decisions blocked", weeks);
    for (DeliveryMetrics.StageFigures stage : metrics.stages()) {
      perStage.series(
          stage.stage(),
          metrics.weeks().stream()
              .map(w -> (double) w.deployments().getOrDefault(stage.stage(), 0))
              .toList());
      blockRates.series(
          stage.stage(),
          metrics.weeks().stream()
              .map(w -> 100 * w.blockRates().getOrDefault(stage.stage(), 0.0))
              .toList());
    }
    SvgChart production =
        new SvgChart("production-per-week", "production deployments", weeks)
            .series(
                "deployed",
                metrics.weeks().stream().map(w -> (double) w.productionDeployments()).toList())
            .series(
                "failed (rolled back or hotfixed)",
                metrics.weeks().stream().map(w -> (double) w.failedDeployments()).toList());
    SvgChart leadTime =
        new SvgChart("lead-time-per-week", "hours, commit to production", weeks)
            .series(
                "median lead time",
                metrics.weeks().stream().map(w -> hours(w.medianLeadTime())).toList());
    html.append("<h2>Deployments per week, by stage</h2>\n").append(perStage.bars());
    html.append("<h2>Production: deployed and failed per week</h2>\n").append(production.bars());
    html.append("<h2>Lead time for changes per week</h2>\n").append(leadTime.lines());
    html.append("<h2>Gate block rate per week</h2>\n").append(blockRates.lines());

    html.append("<h2>Stages</h2>\n<table id=\"stages\"><tr><th>stage</th><th>deployments</th>")
        .append("<th>a week</th><th>rollbacks</th><th>flag deliveries</th><th>decisions</th>")
        .append("<th>block rate</th>")
        .append("<th>conditions that block most</th></tr>\n");
    for (DeliveryMetrics.StageFigures stage : metrics.stages()) {
      html.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%s</td><td class=\"n\">%d</td>"
                  + "<td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%s</td>"
                  + "<td>%s</td></tr>%n",
              Html.escape(stage.stage()),
              stage.deployments(),
              MetricsTable.rate(stage.deployments(), days, 7),
              stage.rollbacks(),
              stage.deliveries(),
              stage.decisionCount(),
              MetricsTable.percent(stage.blockRate()),
              conditions(stage.blockingConditions())));
    }
    return html.append("</table>\n</body></html>\n").toString();
  }

  private static void key(StringBuilder html, String name, String value, String more) {
    html.append("<div class=\"key\"><div class=\"name\">")
        .append(Html.escape(name))
        .append("</div><div class=\"value\">")
        .append(Html.escape(value))
        .append("</div><div class=\"more\">")
        .append(more) // built here from numbers and escaped names
        .append("</div></div>\n");
  }

  private static String conditions(Map<String, Integer> blocking) {
    StringBuilder text = new StringBuilder();
    blocking.entrySet().stream()
        .limit(MetricsTable.TOP_CONDITIONS)
        .forEach(
            c ->
                text.append(text.length() == 0 ? "" : "<br>")
                    .append(Html.escape(c.getKey()))
                    .append(" (")
                    .append(c.getValue())
                    .append(')'));
    return text.length() == 0 ? "-" : text.toString();
  }

  private static Double hours(Duration duration) {
    return duration == null ? null : duration.toSeconds() / 3600.0;
  }
}
