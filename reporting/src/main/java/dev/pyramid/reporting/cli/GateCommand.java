package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.decision.Baseline;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.Gate;
import dev.pyramid.reporting.decision.Outcome;
import dev.pyramid.reporting.decision.UsageException;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.render.AllureResults;
import dev.pyramid.reporting.render.ConsoleTable;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.quarantine.QuarantineReader;
import dev.pyramid.reporting.render.DecisionJson;
import dev.pyramid.reporting.render.DecisionJunit;
import dev.pyramid.reporting.render.DecisionMarkdown;
import dev.pyramid.reporting.render.VerdictLine;
import dev.pyramid.reporting.results.CollectedEvidence;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.RootCheck;
import dev.pyramid.reporting.stamp.StampCheck;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pyramid gate}: reads the evidence, decides for a stage, renders, exits with the verdict's code. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Decides whether this build may be promoted to a stage, from its test results and the policy.",
      "Writes decision.json and decision.md to --out; with --allure-report also builds the Allure report",
      "(before exiting, so the report exists even when the gate blocks)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:PROMOTE, or (with --layers) those layers pass; no promotion decided",
      "1:BLOCK: a condition failed",
      "2:INCOMPLETE: evidence missing, empty, unreadable, unstamped, from another build or changed",
      "3:usage or policy error (also a malformed quarantine file or unreadable history)",
      "4:MANUAL_APPROVAL: blocking conditions pass, the weighted score is below the pass threshold"
    })
final class GateCommand implements Callable<Integer> {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--stage", required = true, paramLabel = "STAGE",
      description = "The stage to decide for, e.g. dev, staging, production.")
  private String stage;

  @Option(names = "--policy", defaultValue = "quality-gate.yml", paramLabel = "FILE",
      description = "The promotion policy (default: ${DEFAULT-VALUE}).")
  private Path policy;

  @Option(names = "--results", defaultValue = ".", paramLabel = "DIR",
      description = "A result root to search (repeatable; CI jobs and shards merge). Default: ${DEFAULT-VALUE}.")
  private List<Path> results;

  @Option(names = "--layers", defaultValue = "all", paramLabel = "L[,L...]", converter = LayerList.class,
      description = "Decide only these layers (unit, contract, e2e, perf): a level run, NOT a promotion "
          + "decision. Default: ${DEFAULT-VALUE} (the whole stage).")
  private List<Layer> layers;

  @Option(names = "--out", defaultValue = "target/quality-gate", paramLabel = "DIR",
      description = "Where decision.json and decision.md go (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--lane", defaultValue = "default", paramLabel = "LANE",
      description = "The policy lane: default, or hotfix (same path, its own conditions). Default: ${DEFAULT-VALUE}.")
  private String lane;

  @Option(names = "--commit", paramLabel = "SHA",
      description = "The commit decided for (default: GITHUB_SHA, CI_COMMIT_SHA, GIT_COMMIT, else git rev-parse HEAD).")
  private String commit;

  @Option(names = "--build-id", paramLabel = "ID",
      description = "The build decided for (default: GITHUB_RUN_ID, CI_PIPELINE_ID, BUILD_ID). Every result root "
          + "must be stamped for this commit and build.")
  private String buildId;

  @Option(names = "--quarantine", paramLabel = "FILE",
      description = "Quarantined tests (default: quarantine.yml when it exists).")
  private Path quarantine;

  @Option(names = "--history", defaultValue = ".pyramid/history.jsonl", paramLabel = "FILE",
      description = "The decision history, appended to; baselines come from it (default: ${DEFAULT-VALUE}).")
  private Path history;

  @Option(names = "--allure-results", paramLabel = "DIR",
      description = "Write one Allure result per gate condition and per Gatling assertion here.")
  private Path allureResults;

  @Option(names = "--allure-report", paramLabel = "DIR",
      description = "Also aggregate the build's Allure results into --allure-results and generate the "
          + "HTML report here.")
  private Path allureReport;

  @Option(names = "--allure-home", paramLabel = "DIR",
      description = "The unpacked Allure 2 commandline (default: target/allure-commandline/allure-*, then ALLURE_HOME).")
  private Path allureHome;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (allureReport != null && allureResults == null) {
      stderr.println("--allure-report needs --allure-results (where the aggregated results go)");
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    // The stamps depend on nothing else: read from the start (if not since main, see Prefetch), beside
    // everything up to the stamp check.
    ExecutorService stampReader = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "pyramid-stamp-reader");
      thread.setDaemon(true);
      return thread;
    });
    List<Future<StampCheck.Loaded>> stamps = results.stream().map(root -> Prefetch.stamp(root, stampReader)).toList();
    stampReader.shutdown();
    Policy read;
    Quarantine quarantined;
    try {
      read = Prefetch.policy(policy);
      Path quarantineFile = quarantine != null ? quarantine : Files.exists(Path.of("quarantine.yml")) ? Path.of("quarantine.yml") : null;
      quarantined = quarantineFile == null ? Quarantine.NONE : new QuarantineReader().read(quarantineFile);
    } catch (PolicyException e) {
      stderr.println("Policy error: " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    BuildIdentity build;
    try {
      build = BuildIdentity.resolve(commit, buildId, System.getenv(), Path.of("."));
    } catch (BuildIdentity.UnresolvedException e) {
      stderr.println("Usage error: " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    History decisions = new History(history);
    Optional<Baseline> baseline;
    try {
      baseline = History.baseline(decisions.read(), stage);
    } catch (IOException e) {
      stderr.println("History unreadable (baselines come from it): " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    CollectedEvidence collected = Prefetch.evidence(results, policy, read);
    Evidence evidence = collected.evidence();
    List<RootCheck> roots = checkRoots(collected, build, stamps);
    Decision decision;
    try {
      decision = new Gate().decide(new Gate.Request(evidence, roots, read, lane, stage, layers, build, quarantined,
          baseline, LocalDate.now(ZoneOffset.UTC)));
    } catch (UsageException e) {
      stderr.println("Usage error: " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    stdout.print(ConsoleTable.render(decision));
    Instant now = Instant.now();
    try {
      DecisionJson.write(decision, read.sources(), out.resolve("decision.json"));
      DecisionMarkdown.write(decision, out.resolve("decision.md"));
      DecisionJunit.write(decision, out.resolve("decision-junit.xml"));
      String summary = System.getenv("GITHUB_STEP_SUMMARY");
      if (summary != null && !summary.isBlank()) {
        DecisionMarkdown.append(decision, Path.of(summary));
      }
      stdout.println("Decision: " + out.toAbsolutePath().resolve("decision.json") + ", decision.md, decision-junit.xml");
      if (allureResults != null) {
        AllureResults.write(decision, allureResults, now);
      }
      decisions.append(History.decisionLine(decision, now));
      stdout.println("History: appended to " + decisions.file());
    } catch (IOException e) {
      // The verdict stands, but a decision nobody can read later is not trustworthy in CI.
      stderr.println("Cannot write the decision files or history: " + e.getMessage());
      return Outcome.USAGE_OR_POLICY_ERROR;
    }
    if (allureReport != null) {
      String level = layers.isEmpty() ? "all" : layers.stream().map(Layer::id).collect(Collectors.joining(","));
      AllureReportStep.run(results, allureResults, allureReport, allureHome,
          BuildEnvironment.of(stage, level, results), stdout, stderr);
    }
    // Last, so that it closes the log: CI systems read this line for the test totals.
    stdout.println(VerdictLine.totals(decision));
    stdout.flush();
    return decision.outcome().exitCode();
  }

  private static StampCheck.Loaded loaded(Future<StampCheck.Loaded> loading, Path root) {
    try {
      return loading.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StampCheck.load(root);
    } catch (ExecutionException e) {
      return StampCheck.load(root); // read again here, so that the failure is reported as the check reports it
    }
  }

  /**
   * Each root's stamp check, plus evidence read under it that its stamp does not cover. Uses the
   * collector's file listing and hashes, so that no evidence file is read twice.
   */
  static List<RootCheck> checkRoots(CollectedEvidence collected, BuildIdentity build) {
    return checkRoots(collected, build, null);
  }

  private static List<RootCheck> checkRoots(CollectedEvidence collected, BuildIdentity build,
      List<Future<StampCheck.Loaded>> loading) {
    List<RootCheck> checks = new ArrayList<>();
    for (int i = 0; i < collected.evidence().roots().size(); i++) {
      Path root = collected.evidence().roots().get(i);
      StampCheck.Loaded stamp = loading == null ? StampCheck.load(root) : loaded(loading.get(i), root);
      checks.add(StampCheck.check(stamp, build, collected));
    }
    return checks;
  }
}
