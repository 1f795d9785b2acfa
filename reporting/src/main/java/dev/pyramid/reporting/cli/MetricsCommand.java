package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.metrics.DeliveryMetrics;
import dev.pyramid.reporting.metrics.HistoryScan;
import dev.pyramid.reporting.metrics.ScannedHistory;
import dev.pyramid.reporting.render.MetricsJson;
import dev.pyramid.reporting.render.MetricsPage;
import dev.pyramid.reporting.render.MetricsTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid metrics}: the delivery metrics of a period, read from the history. */
@Command(
    name = "metrics",
    mixinStandardHelpOptions = true,
    description = {
      "Delivery metrics from the history: production's DORA keys (deployment frequency and its"
          + " band, lead time for changes, change failure rate, recovery time), and per stage the"
          + " deployments, the gate's block rate and the conditions that block most.",
      "A damaged history (a torn or edited line, a line of a newer Pyramid) is read as far as it"
          + " can be: each line left out is named, and the figures are marked partial (exit 2)."
    })
final class MetricsCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Mixin private HistoryOption history;

  @Mixin private PeriodOptions period;

  @Option(
      names = "--production",
      defaultValue = "production",
      paramLabel = "STAGE",
      description = "The stage that is production (default: ${DEFAULT-VALUE}).")
  private String production;

  @Option(
      names = "--hotfix-lane",
      defaultValue = "hotfix",
      paramLabel = "LANE",
      description =
          "The lane whose promotions remedy a failed deployment (default: ${DEFAULT-VALUE}).")
  private String hotfixLane;

  @Option(
      names = "--failure-window",
      defaultValue = "24h",
      paramLabel = "DURATION",
      description =
          "A production deployment failed when a rollback or a hotfix follows it within this"
              + " (24h, 90m, 2d; default: ${DEFAULT-VALUE}).")
  private String failureWindow;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the metrics as JSON.")
  private Path json;

  @Option(
      names = "--html",
      paramLabel = "DIR",
      description = "Also write the page with the weekly charts, DIR/" + MetricsPage.FILE + ".")
  private Path html;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(ExitCode.DONE, ExitCode.PARTIAL, ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    DeliveryMetrics.Period measured;
    Duration window;
    try {
      measured = period.period(Instant.now());
      window = PeriodOptions.duration(failureWindow, "--failure-window");
    } catch (IllegalArgumentException e) {
      stderr.println("Usage error: " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
    try {
      ScannedHistory scanned = HistoryScan.scan(history.history().file());
      DeliveryMetrics metrics =
          DeliveryMetrics.compute(scanned, measured, production, hotfixLane, window);
      stdout.print(MetricsTable.render(metrics));
      if (json != null) {
        MetricsJson.write(metrics, json);
        stdout.println("JSON: " + json.toAbsolutePath());
      }
      if (html != null) {
        stdout.println("Page: " + MetricsPage.write(metrics, html).toAbsolutePath());
      }
      stdout.flush();
      return scanned.isPartial() ? ExitCode.PARTIAL.code() : ExitCode.DONE.code();
    } catch (IOException e) {
      stderr.println("History error: " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
  }
}
