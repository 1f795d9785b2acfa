package dev.pyramid.reporting.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.decision.Outcome;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pyramid promote}: records in the history that a build reached a stage. */
@Command(
    name = "promote",
    mixinStandardHelpOptions = true,
    description = {
      "Records that this build reached STAGE. Refused unless the history holds a PROMOTE decision of the gate",
      "for this build and STAGE (or MANUAL_APPROVAL with --approved-by), and the build reached the stage",
      "before STAGE on the promotion path: no stage is skipped, hotfixes included. The build's performance",
      "figures become STAGE's baseline for relative conditions."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:recorded", "1:refused (no promotable decision, or a stage skipped)", "3:usage or policy error"})
final class PromoteCommand implements Callable<Integer> {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--stage", required = true, paramLabel = "STAGE", description = "The stage the build reached.")
  private String stage;

  @Option(names = "--policy", defaultValue = "quality-gate.yml", paramLabel = "FILE",
      description = "The promotion policy, for the path (default: ${DEFAULT-VALUE}).")
  private Path policy;

  @Option(names = "--commit", paramLabel = "SHA", description = "The commit (default: as for gate).")
  private String commit;

  @Option(names = "--build-id", paramLabel = "ID", description = "The build (default: as for gate).")
  private String buildId;

  @Option(names = "--approved-by", paramLabel = "WHO",
      description = "Who approved a MANUAL_APPROVAL decision; recorded with the promotion.")
  private String approvedBy;

  @Option(names = "--history", defaultValue = ".pyramid/history.jsonl", paramLabel = "FILE",
      description = "The history (default: ${DEFAULT-VALUE}).")
  private Path history;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Policy read;
    BuildIdentity build;
    try {
      read = new PolicyReader().read(policy);
      build = BuildIdentity.resolve(commit, buildId, System.getenv(), Path.of("."));
    } catch (PolicyException e) {
      stderr.println("Policy error: " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    } catch (BuildIdentity.UnresolvedException e) {
      stderr.println("Usage error: " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    if (!read.path().contains(stage)) {
      stderr.println("Usage error: stage \"" + stage + "\" is not on the promotion path " + read.path());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    History file = new History(history);
    try {
      List<JsonNode> lines = file.read();
      Optional<JsonNode> decision = History.lastDecision(lines, build, stage);
      if (decision.isEmpty() || !History.promotable(decision.get(), approvedBy != null)) {
        stderr.println("Refused: " + build + " has no " + (approvedBy != null ? "PROMOTE or MANUAL_APPROVAL" : "PROMOTE")
            + " decision for " + stage + " in " + file.file() + (decision.map(d -> " (its last decision: "
                + d.path("verdict").asText() + ")").orElse(" (no decision at all: run pyramid gate --stage " + stage + ")")));
        return 1;
      }
      Optional<String> previous = read.previous(stage);
      if (previous.isPresent() && !History.promoted(lines, build, previous.get())) {
        stderr.println("Refused: " + build + " has not reached " + previous.get() + ", the stage before " + stage
            + " on the path " + read.path() + "; no stage is skipped");
        return 1;
      }
      String lane = decision.get().path("lane").asText(Policy.DEFAULT_LANE);
      file.append(History.promotionLine(stage, lane, build, approvedBy, Instant.now()));
      stdout.println("Promoted " + build + " to " + stage + " (lane " + lane + "); recorded in " + file.file());
      stdout.flush();
      return 0;
    } catch (IOException e) {
      stderr.println("History error: " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
  }
}
