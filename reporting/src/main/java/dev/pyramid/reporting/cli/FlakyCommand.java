package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.history.ExecutedTestsStore;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.metrics.FlipRates;
import dev.pyramid.reporting.metrics.HistoryScan;
import dev.pyramid.reporting.metrics.ScannedHistory;
import dev.pyramid.reporting.render.FlakyTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid flaky}: the tests that flip between builds of one commit, worst first. */
@Command(
    name = "flaky",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the tests that failed and passed on the same commit in different builds, with their"
          + " flip rate over the last builds the gate decided, worst first.",
      "--quarantine-draft writes them as quarantine.yml entries for their owners to review: it"
          + " never changes quarantine.yml."
    })
final class FlakyCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Mixin private HistoryOption history;

  @Option(
      names = "--last",
      defaultValue = "50",
      paramLabel = "N",
      description =
          "How many of the latest builds to look at (default: ${DEFAULT-VALUE}; the history keeps"
              + " the executed tests of the last "
              + ExecutedTestsStore.FLAKY_WINDOW
              + ").")
  private int last;

  @Option(
      names = "--top",
      defaultValue = "20",
      paramLabel = "N",
      description = "How many to list (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(
      names = "--quarantine-draft",
      paramLabel = "FILE",
      description = "Also write them as quarantine entries to review, with an empty owner.")
  private Path draft;

  @Option(
      names = "--expires-in",
      defaultValue = "14",
      paramLabel = "DAYS",
      description = "The draft entries' expiry, in days from today (default: ${DEFAULT-VALUE}).")
  private int expiresIn;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(ExitCode.DONE, ExitCode.PARTIAL, ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (last < 2 || top < 1 || expiresIn < 1) {
      stderr.println(
          "Usage error: --last needs at least 2 builds, --top and --expires-in at least 1");
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
    History file = history.history();
    try {
      ScannedHistory scanned = HistoryScan.scan(file.file());
      scanned.leftOut().forEach(line -> stderr.println("Left out: " + line.message()));
      FlipRates.Report report = FlipRates.of(scanned, file.executedTests(), last);
      stdout.print(FlakyTable.render(report, top));
      if (draft != null) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path parent = draft.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(
            draft,
            FlakyTable.quarantineDraft(
                report, top, file.file().toString(), today, today.plusDays(expiresIn)));
        stdout.println("Quarantine draft, for review: " + draft.toAbsolutePath());
      }
      stdout.flush();
      return scanned.isPartial() ? ExitCode.PARTIAL.code() : ExitCode.DONE.code();
    } catch (IOException e) {
      stderr.println("History error: " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
  }
}
