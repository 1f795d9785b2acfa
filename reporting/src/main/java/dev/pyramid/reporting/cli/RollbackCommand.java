package dev.pyramid.reporting.cli;

import static dev.pyramid.reporting.cli.ExitCode.DONE;
import static dev.pyramid.reporting.cli.ExitCode.REFUSED;
import static dev.pyramid.reporting.cli.ExitCode.USAGE_OR_POLICY_ERROR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.history.DeployedStore;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid rollback}: records in the history that a stage runs its previous build again. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Records that STAGE runs again the build it ran before its current one. From then on that build",
      "is STAGE's baseline for relative conditions, and what it kept (API documents, pacts, artifacts) is",
      "what later candidates are judged against; history.deployed/stages/STAGE.json names it.",
      "Refused when STAGE never ran another build."
    })
final class RollbackCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stage",
      required = true,
      paramLabel = "STAGE",
      description = "The stage rolled back.")
  private String stage;

  @Mixin private PolicyOption policy;

  @Option(
      names = "--approved-by",
      paramLabel = "WHO",
      description = "Who decided the rollback; recorded with it.")
  private String approvedBy;

  @Mixin private HistoryOption history;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(DONE, REFUSED, USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Optional<Policy> policed = policy.readWithStage(stage, stderr);
    if (policed.isEmpty()) {
      return USAGE_OR_POLICY_ERROR.code();
    }
    Policy read = policed.get();
    History file = history.history();
    try {
      List<JsonNode> lines = file.read();
      List<BuildIdentity> ran = History.ranAt(lines, stage);
      if (ran.size() < 2) {
        stderr.println(
            "Refused: "
                + stage
                + (ran.isEmpty() ? " runs no build" : " has run only " + ran.get(0))
                + " according to "
                + file.file()
                + "; there is no earlier build to roll back to");
        return REFUSED.code();
      }
      BuildIdentity current = ran.get(ran.size() - 1);
      BuildIdentity previous = ran.get(ran.size() - 2);
      file.appendStageChange(
          History.rollbackLine(stage, current, previous, approvedBy, Instant.now()));
      stdout.println(
          "Rolled back "
              + stage
              + " from "
              + current
              + " to "
              + previous
              + "; recorded in "
              + file.file());
      DeployedStore store = file.deployed();
      stdout.println(
          store
              .kept(previous)
              .map(kept -> KeptFiles.describe(stage, read.deployed(), kept, store))
              .orElse(
                  "Warning: nothing is kept of "
                      + previous
                      + " in "
                      + store.folder()
                      + ": later candidates have no API documents, pacts or artifacts of "
                      + stage
                      + " to be judged against"));
      stdout.flush();
      return DONE.code();
    } catch (IOException e) {
      stderr.println("History error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
  }
}
