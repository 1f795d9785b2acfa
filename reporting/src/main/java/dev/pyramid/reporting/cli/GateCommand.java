package dev.pyramid.reporting.cli;

import static dev.pyramid.reporting.cli.ExitCode.BLOCK;
import static dev.pyramid.reporting.cli.ExitCode.INCOMPLETE;
import static dev.pyramid.reporting.cli.ExitCode.MANUAL_APPROVAL;
import static dev.pyramid.reporting.cli.ExitCode.PROMOTE;
import static dev.pyramid.reporting.cli.ExitCode.USAGE_OR_POLICY_ERROR;

import dev.pyramid.flags.FlagFileException;
import dev.pyramid.reporting.allure.AllureReport;
import dev.pyramid.reporting.conditions.TestedFlagVariants;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.Gate;
import dev.pyramid.reporting.decision.UsageException;
import dev.pyramid.reporting.flags.FlagFiles;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.metrics.DeliveryMetrics;
import dev.pyramid.reporting.metrics.HistoryScan;
import dev.pyramid.reporting.metrics.ScannedHistory;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.quarantine.QuarantineReader;
import dev.pyramid.reporting.render.AllureResults;
import dev.pyramid.reporting.render.ConsoleTable;
import dev.pyramid.reporting.render.DecisionJson;
import dev.pyramid.reporting.render.DecisionJunit;
import dev.pyramid.reporting.render.DecisionMarkdown;
import dev.pyramid.reporting.render.MetricsPage;
import dev.pyramid.reporting.render.VerdictLine;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.CollectedEvidence;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.CommitTime;
import dev.pyramid.reporting.stamp.RootCheck;
import dev.pyramid.reporting.stamp.StampCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pyramid gate}: reads the evidence, decides for a stage, renders, exits with the verdict's
 * code.
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Decides whether this build may be promoted to a stage, from its test results and the policy.",
      "Writes decision.json and decision.md to --out; with --allure-report also builds the Allure report",
      "(before exiting, so the report exists even when the gate blocks).",
      "Every result root must be stamped for the build that --commit and --build-id name."
    })
final class GateCommand implements Subcommand {

  /** Also the top-level help's list: the gate is what CI runs. */
  static final List<ExitCode> EXIT_CODES =
      List.of(PROMOTE, BLOCK, INCOMPLETE, USAGE_OR_POLICY_ERROR, MANUAL_APPROVAL);

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stage",
      required = true,
      paramLabel = "STAGE",
      description = "The stage to decide for, e.g. dev, staging, production.")
  private String stage;

  @Mixin private PolicyOption policy;

  @Mixin private ResultRootsOption results;

  @Option(
      names = "--layers",
      defaultValue = "all",
      paramLabel = "L[,L...]",
      converter = LayerList.class,
      description =
          "Decide only these layers (unit, contract, e2e, ui, perf): a level run, NOT a promotion "
              + "decision. Default: ${DEFAULT-VALUE} (the whole stage).")
  private List<Layer> layers;

  @Option(
      names = "--out",
      defaultValue = "target/quality-gate",
      paramLabel = "DIR",
      description = "Where decision.json and decision.md go (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--lane",
      defaultValue = "default",
      paramLabel = "LANE",
      description =
          "The policy lane: default, or hotfix (same path, its own conditions). Default: ${DEFAULT-VALUE}.")
  private String lane;

  @Mixin private BuildOptions build;

  @Option(
      names = "--committed-at",
      paramLabel = "TIME",
      description =
          "When the commit was made, for lead times (default: CI_COMMIT_TIMESTAMP, else git show"
              + " -s --format=%%cI COMMIT; none when neither answers).")
  private String committedAt;

  @Option(
      names = "--quarantine",
      paramLabel = "FILE",
      description = "Quarantined tests (default: quarantine.yml when it exists).")
  private Path quarantine;

  @Mixin private HistoryOption history;

  @Option(
      names = "--allure-results",
      paramLabel = "DIR",
      description = "Write one Allure result per gate condition and per Gatling assertion here.")
  private Path allureResults;

  @Option(
      names = "--allure-report",
      paramLabel = "DIR",
      description =
          "Also aggregate the build's Allure results into --allure-results and generate the "
              + "HTML report here.")
  private Path allureReport;

  @Mixin private AllureHomeOption allureHome;

  @Override
  public List<ExitCode> exitCodes() {
    return EXIT_CODES;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (allureReport != null && allureResults == null) {
      stderr.println("--allure-report needs --allure-results (where the aggregated results go)");
      return USAGE_OR_POLICY_ERROR.code();
    }
    List<Path> roots = results.roots();
    GateInputs inputs = GateInputs.start(policy.file(), roots);
    Policy read;
    Quarantine quarantined;
    try {
      read = inputs.policy();
      Path quarantineFile =
          quarantine != null
              ? quarantine
              : Files.exists(Path.of("quarantine.yml")) ? Path.of("quarantine.yml") : null;
      quarantined =
          quarantineFile == null ? Quarantine.NONE : new QuarantineReader().read(quarantineFile);
    } catch (PolicyException e) {
      stderr.println("Policy error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
    BuildIdentity identity;
    try {
      identity = build.resolve();
    } catch (BuildIdentity.UnresolvedException e) {
      stderr.println("Usage error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
    Optional<Instant> commitTime;
    try {
      commitTime =
          CommitTime.resolve(committedAt, identity.commit(), System.getenv(), Path.of("."));
    } catch (CommitTime.InvalidException e) {
      stderr.println("Usage error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
    History decisions = history.history();
    Optional<Baseline> baseline;
    try {
      baseline = decisions.baseline(decisions.read(), stage);
    } catch (IOException e) {
      stderr.println("History unreadable (baselines come from it): " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
    FlagFiles flagFiles;
    try {
      flagFiles = inputs.flags();
    } catch (FlagFileException e) {
      stderr.println("Flag file error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
    CollectedEvidence collected = inputs.evidence();
    Evidence evidence = collected.evidence();
    List<RootCheck> checks = checkRoots(collected, identity, inputs);
    Decision decision;
    try {
      decision =
          new Gate()
              .decide(
                  new Gate.Request(
                      evidence,
                      checks,
                      read,
                      lane,
                      stage,
                      layers,
                      identity,
                      quarantined,
                      baseline,
                      LocalDate.now(ZoneOffset.UTC),
                      flagFiles));
    } catch (UsageException e) {
      stderr.println("Usage error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
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
      stdout.println(
          "Decision: "
              + out.toAbsolutePath().resolve("decision.json")
              + ", decision.md, decision-junit.xml");
      if (allureResults != null) {
        AllureResults.write(decision, allureResults, now, allureReport != null);
      }
      decisions.record(decision, now, commitTime, testedFlagVariants(flagFiles, decision));
      stdout.println("History: appended to " + decisions.file());
    } catch (IOException e) {
      // The verdict stands, but a decision nobody can read later is not trustworthy in CI.
      stderr.println("Cannot write the decision files or history: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    }
    if (allureReport != null) {
      String level =
          layers.isEmpty()
              ? "all"
              : layers.stream().map(Layer::id).collect(Collectors.joining(","));
      boolean generated =
          AllureReport.run(
              roots,
              allureResults,
              allureReport,
              allureHome.home(),
              BuildEnvironment.of(stage, level, roots),
              stdout,
              stderr);
      if (generated) {
        writeMetricsPage(decisions, read, now, stdout, stderr);
      }
    }
    // Last, so that it closes the log: CI systems read this line for the test totals.
    stdout.println(VerdictLine.totals(decision));
    stdout.flush();
    return ExitCode.of(decision.outcome()).code();
  }

  /**
   * Writes the page of the last 30 days' delivery metrics into the report, where each gate
   * condition links to it. A damaged history still gives the page of its readable part, marked so.
   */
  private void writeMetricsPage(
      History decisions, Policy policy, Instant now, PrintWriter stdout, PrintWriter stderr) {
    try {
      ScannedHistory scanned = HistoryScan.scan(decisions.file());
      scanned.leftOut().forEach(line -> stderr.println("Metrics left out " + line.message()));
      DeliveryMetrics metrics =
          DeliveryMetrics.compute(
              scanned,
              new DeliveryMetrics.Period(now.minus(Duration.ofDays(30)), now.plusSeconds(1)),
              policy.path().get(policy.path().size() - 1),
              "hotfix",
              Duration.ofHours(24));
      Path page = MetricsPage.write(metrics, allureReport.resolve("metrics"));
      stdout.println("Delivery metrics: " + page.toAbsolutePath());
    } catch (IOException e) {
      stderr.println("Delivery metrics page not written: " + e.getMessage());
    }
  }

  /**
   * Each root's stamp check, plus evidence read under it that its stamp does not cover. Uses the
   * collector's file listing and hashes, so that no evidence file is read twice.
   */
  private static List<RootCheck> checkRoots(
      CollectedEvidence collected, BuildIdentity build, GateInputs inputs) {
    List<RootCheck> checks = new ArrayList<>();
    for (int i = 0; i < collected.evidence().roots().size(); i++) {
      checks.add(StampCheck.check(inputs.stamp(i), build, collected));
    }
    return checks;
  }

  /**
   * The flag variants the decided layers' passing tests exercised, for {@code pyramid deliver};
   * empty when the policy names no flag registry.
   */
  private static Optional<Map<String, Set<String>>> testedFlagVariants(
      FlagFiles flagFiles, Decision decision) {
    return flagFiles
        .registry()
        .map(
            registry ->
                TestedFlagVariants.of(
                    registry.flags(),
                    decision.layers().stream()
                        .flatMap(layer -> layer.evidence().flagEvaluations().stream())
                        .toList()));
  }
}
