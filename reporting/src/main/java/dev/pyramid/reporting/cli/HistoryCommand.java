package dev.pyramid.reporting.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.history.HistoryCompaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid history}: lists decisions, promotions, rollbacks and flag deliveries. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the gate's decisions, the promotions, the rollbacks and the flag deliveries, oldest"
          + " first, optionally of one stage: deployments and deliveries on one timeline.",
      "--compact-before compacts the lines older than a time instead: what baselines, rollbacks,"
          + " deliveries and metrics read stays; the lines as they were go to the archive beside the"
          + " history (history.archive.jsonl.gz)."
    })
final class HistoryCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage.")
  private String stage;

  @Mixin private HistoryOption history;

  @Option(
      names = "--compact-before",
      paramLabel = "TIME",
      description =
          "Compact the lines older than this (2026-09-01, or an instant) instead of listing.")
  private String compactBefore;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(ExitCode.DONE, ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    if (compactBefore != null) {
      return compact(stdout);
    }
    try {
      String row = "%-24s %-9s %-10s %-8s %-16s %-14s %s%n";
      stdout.printf(row, "time", "type", "stage", "lane", "build", "commit", "verdict");
      for (JsonNode line : history.history().read()) {
        if (stage != null && !stage.equals(line.path("stage").asText())) {
          continue;
        }
        String commit = line.path("commit").asText();
        stdout.printf(
            row,
            line.path("time").asText(),
            line.path("type").asText(),
            line.path("stage").asText(),
            line.path("lane").asText(),
            line.path("buildId").asText(),
            commit.length() > 12 ? commit.substring(0, 12) : commit,
            outcome(line));
      }
      stdout.flush();
      return ExitCode.DONE.code();
    } catch (IOException e) {
      spec.commandLine().getErr().println("History error: " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
  }

  private int compact(PrintWriter stdout) {
    try {
      Instant before = PeriodOptions.instant(compactBefore, "--compact-before");
      HistoryCompaction.Compacted done = history.history().compact(before);
      stdout.printf(
          Locale.ROOT,
          "Compacted %s: %d lines (%d bytes) -> %d lines (%d bytes); %d decision line(s) before %s"
              + " reduced to what metrics read, %d level run(s) left out.%n"
              + "The lines as they were: %s%n",
          history.history().file(),
          done.linesBefore(),
          done.bytesBefore(),
          done.linesAfter(),
          done.bytesAfter(),
          done.compacted(),
          before,
          done.linesBefore() - done.linesAfter(),
          done.archive());
      stdout.flush();
      return ExitCode.DONE.code();
    } catch (IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println("History error: " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
  }

  /** What a line says happened: a decision's verdict, a promotion, a rollback and to what. */
  private static String outcome(JsonNode line) {
    String approved =
        line.has("approvedBy") ? " (approved by " + line.path("approvedBy").asText() + ")" : "";
    return switch (line.path("type").asText()) {
      case "promotion" -> "promoted" + approved;
      case "rollback" -> "rolled back to build " + line.path("toBuildId").asText() + approved;
      case "delivery" ->
          line.path("flag").asText()
              + ": "
              + line.path("from").asText()
              + " -> "
              + line.path("to").asText()
              + " ("
              + line.path("check").asText()
              + ")";
      default ->
          line.path("verdict").asText() + (line.path("levelRun").asBoolean() ? " (level run)" : "");
    };
  }
}
