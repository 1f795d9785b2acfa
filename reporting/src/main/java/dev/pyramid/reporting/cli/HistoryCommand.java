package dev.pyramid.reporting.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid history}: lists decisions, promotions, rollbacks and flag deliveries. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "Lists the gate's decisions, the promotions, the rollbacks and the flag deliveries, oldest first,"
            + " optionally of one stage: deployments and deliveries on one timeline.")
final class HistoryCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(names = "--stage", paramLabel = "STAGE", description = "Only this stage.")
  private String stage;

  @Mixin private HistoryOption history;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(ExitCode.DONE, ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
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
