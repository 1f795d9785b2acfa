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
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid promote}: records in the history that a build reached a stage. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Records that this build reached STAGE. Refused unless the history holds a PROMOTE decision of the gate",
      "for this build and STAGE (or MANUAL_APPROVAL with --approved-by), and the build reached the stage",
      "before STAGE on the promotion path: no stage is skipped, hotfixes included. The build's performance",
      "figures and tests become STAGE's baseline for relative conditions, and the files the policy's",
      "deployed: names (API documents, pacts, artifacts) are kept as what STAGE runs. Beside the history,",
      "history.deployed/stages/STAGE.json then names the build STAGE runs, for tests and scripts to find."
    })
final class PromoteCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stage",
      required = true,
      paramLabel = "STAGE",
      description = "The stage the build reached.")
  private String stage;

  @Mixin private PolicyOption policy;

  @Mixin private BuildOptions identity;

  @Option(
      names = "--approved-by",
      paramLabel = "WHO",
      description = "Who approved a MANUAL_APPROVAL decision; recorded with the promotion.")
  private String approvedBy;

  @Mixin private HistoryOption history;

  @Option(
      names = "--from",
      defaultValue = ".",
      paramLabel = "DIR",
      description =
          "Where the policy's deployed: globs (API documents, pacts, artifacts) are matched, kept "
              + "for STAGE (default: ${DEFAULT-VALUE}).")
  private Path from;

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
    BuildIdentity build;
    try {
      build = identity.resolve();
    } catch (BuildIdentity.UnresolvedException e) {
      stderr.println("Usage error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
    History file = history.history();
    try {
      List<JsonNode> lines = file.read();
      Optional<JsonNode> decision = History.lastDecision(lines, build, stage);
      if (decision.isEmpty() || !History.promotable(decision.get(), approvedBy != null)) {
        stderr.println(
            "Refused: "
                + build
                + " has no "
                + (approvedBy != null ? "PROMOTE or MANUAL_APPROVAL" : "PROMOTE")
                + " decision for "
                + stage
                + " in "
                + file.file()
                + (decision
                    .map(d -> " (its last decision: " + d.path("verdict").asText() + ")")
                    .orElse(" (no decision at all: run pyramid gate --stage " + stage + ")")));
        return REFUSED.code();
      }
      Optional<String> previous = read.previous(stage);
      if (previous.isPresent() && !History.promoted(lines, build, previous.get())) {
        stderr.println(
            "Refused: "
                + build
                + " has not reached "
                + previous.get()
                + ", the stage before "
                + stage
                + " on the path "
                + read.path()
                + "; no stage is skipped");
        return REFUSED.code();
      }
      String lane = decision.get().path("lane").asText(Policy.DEFAULT_LANE);
      // Kept before the promotion is recorded: a stage never runs a build whose files are lost.
      List<DeployedStore.Kept> kept = file.deployed().keep(build, read.deployed(), from);
      file.appendStageChange(History.promotionLine(stage, lane, build, approvedBy, Instant.now()));
      file.deployed().prune(file.read(), read.path());
      stdout.println(
          "Promoted "
              + build
              + " to "
              + stage
              + " (lane "
              + lane
              + "); recorded in "
              + file.file());
      stdout.println(KeptFiles.describe(stage, read.deployed(), kept, file.deployed()));
      stdout.flush();
      return DONE.code();
    } catch (IOException e) {
      stderr.println("History error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
  }
}
