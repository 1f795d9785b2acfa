package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.RollingUpdateRun;
import dev.pyramid.reporting.results.RollingUpdateRun.Service;
import dev.pyramid.reporting.results.RollingUpdateRun.Side;
import dev.pyramid.reporting.results.TestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code rolling-update-verified} finds in the e2e layer's rolling update runs against a
 * stage: which runs are about the build the stage runs and truly mixed, which journeys fail in them
 * (each an item naming the builds each service ran from), and which artifacts of that build never
 * served beside the candidate. Artifacts are matched by their content's SHA-256, never by path: the
 * stage's lie among its kept files. One per evaluation; not thread-safe.
 */
final class RollingUpdateCheck {
  /** REST Assured's first line, which says only how many expectations failed. */
  private static final Pattern ANNOUNCEMENT = Pattern.compile("\\d+ expectations? failed\\.");

  private final Baseline running;
  private final String stage;

  /** The build the stage runs, as the reports name it: {@code production's build c0ffee/42}. */
  private final String at;

  private final List<Path> evidence = new ArrayList<>();
  private final List<String> items = new ArrayList<>();

  /** The SHA-256 of the kept artifacts that served in a run of the build with no failed journey. */
  private final Set<String> served = new HashSet<>();

  /** The SHA-256 of the kept artifacts that served in a run of the build, whatever its outcome. */
  private final Set<String> started = new HashSet<>();

  private int failures;
  private int runs;
  private int passed;
  private int failed;
  private int flaky;
  private int otherStages;

  /** Whether any run against the stage was read. */
  private boolean any;

  /** A check against {@code running}, the build the stage runs. */
  RollingUpdateCheck(Baseline running) {
    this.running = running;
    this.stage = running.stage();
    this.at = stage + "'s build " + running.build();
  }

  /**
   * Judges {@code runs}: those of the stage that are about its build and mixed, journey by journey.
   */
  void judge(List<RollingUpdateRun> runs) {
    for (RollingUpdateRun run : runs) {
      if (!run.stage().equals(stage)) {
        otherStages++;
        continue;
      }
      any = true;
      evidence.add(run.source());
      evidence.addAll(run.reports());
      if (isOfRunning(run) && isMixed(run) && ranKeptArtifacts(run)) {
        journeys(run);
      }
    }
    if (!any) {
      fail(
          "no mixed run against "
              + at
              + " (e2e layer, rolling-update evidence: failsafe-reports/e2e-rolling/<services from"
              + " the stage>/rolling-update.json)");
    }
    for (Baseline.KeptFile kept : running.kept("artifacts")) {
      evidence.add(kept.file());
      if (!served.contains(kept.sha256())) {
        fail(
            stage
                + "'s "
                + kept.path()
                + " never served beside the candidate"
                + (started.contains(kept.sha256())
                    ? " in a run whose journeys passed"
                    : started.isEmpty()
                        ? ""
                        : " (no mixed run started it; an artifact that starts no service does not"
                            + " belong in deployed.artifacts)"));
      }
    }
  }

  /**
   * True when {@code run} was run against the build the stage runs; otherwise its failure is an
   * item.
   */
  private boolean isOfRunning(RollingUpdateRun run) {
    if (run.stageBuild().isEmpty()) {
      fail(
          run.source()
              + ": the e2e journeys found no build at "
              + stage
              + (run.note().isEmpty() ? "" : " (" + run.note() + ")")
              + ", which runs "
              + running.build()
              + "; history.deployed/stages/"
              + stage
              + ".json names it, written by pyramid promote and rollback: pass the history to"
              + " the tests (-Dpyramid.history=<history file>)");
      return false;
    }
    RollingUpdateRun.Build tested = run.stageBuild().get();
    if (!tested.commit().equals(running.commit()) || !tested.buildId().equals(running.buildId())) {
      fail(run.source() + ": ran against " + tested + ", " + stage + " runs " + running.build());
      return false;
    }
    return true;
  }

  /** True when {@code run} has services from both builds; otherwise its failure is an item. */
  private boolean isMixed(RollingUpdateRun run) {
    List<Service> fromStage = run.from(Side.STAGE);
    List<Service> fromCandidate = run.from(Side.CANDIDATE);
    if (fromStage.isEmpty()) {
      fail(
          run.source()
              + ": not a mixed run: no service from "
              + at
              + (run.note().isEmpty() ? "" : " (" + run.note() + ")")
              + (fromCandidate.isEmpty()
                  ? ""
                  : ", " + names(fromCandidate) + " from the candidate"));
      return false;
    }
    if (fromCandidate.isEmpty()) {
      fail(
          run.source()
              + ": not a mixed run: "
              + names(fromStage)
              + " from "
              + at
              + ", no service from the candidate");
      return false;
    }
    return true;
  }

  /**
   * True when every service of {@code run} from the stage ran from an artifact its build kept;
   * otherwise each other one is an item.
   */
  private boolean ranKeptArtifacts(RollingUpdateRun run) {
    boolean kept = true;
    for (Service service : run.from(Side.STAGE)) {
      if (running.kept("artifacts").stream()
          .noneMatch(file -> file.sha256().equals(service.sha256()))) {
        kept = false;
        fail(
            run.source()
                + ": "
                + service.name()
                + " ran from "
                + service.path()
                + ", which is not an artifact "
                + at
                + " kept (none has its SHA-256)");
      }
    }
    return kept;
  }

  /** The journeys of a run of the build: none executed, or each failed one, is an item. */
  private void journeys(RollingUpdateRun run) {
    String mix =
        names(run.from(Side.STAGE))
            + " from "
            + at
            + ", "
            + names(run.from(Side.CANDIDATE))
            + " from the candidate";
    run.from(Side.STAGE).forEach(service -> started.add(service.sha256()));
    Counts counts = run.counts();
    if (counts.executed() == 0) {
      String reason =
          run.testCases().stream()
              .map(TestCase::message)
              .filter(message -> !message.isBlank())
              .findFirst()
              .map(message -> ": " + firstLine(message))
              .orElse("");
      fail(
          run.source()
              + ": no journey ran with "
              + mix
              + " ("
              + counts.skipped()
              + " of "
              + counts.tests()
              + " skipped)"
              + reason);
      return;
    }
    runs++;
    passed += counts.passed();
    flaky += counts.flaky();
    failed += counts.failed() + counts.errored();
    for (TestCase test : run.testCases()) {
      if (test.isFailure()) {
        fail(
            test.id()
                + " fails with "
                + mix
                + (test.message().isBlank() ? "" : ": " + summary(test.message())));
      }
    }
    if (counts.failed() + counts.errored() == 0) {
      run.from(Side.STAGE).forEach(service -> served.add(service.sha256()));
    }
  }

  private void fail(String item) {
    failures++;
    items.add(item);
  }

  private static String names(List<Service> services) {
    return String.join(", ", services.stream().map(Service::name).toList());
  }

  private static String firstLine(String message) {
    return message.strip().lines().findFirst().orElse("");
  }

  /**
   * A failure in one line: its first, with the next when the first only announces it (REST
   * Assured's "1 expectation failed.", a line ending in a colon).
   */
  static String summary(String message) {
    List<String> lines =
        message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (lines.isEmpty()) {
      return "";
    }
    String first = lines.get(0);
    boolean announces = first.endsWith(":") || ANNOUNCEMENT.matcher(first).matches();
    return announces && lines.size() > 1 ? first + " " + lines.get(1) : first;
  }

  /** The failures found; none when every mix passes. */
  int failures() {
    return failures;
  }

  /** Each failure. */
  List<String> items() {
    return items;
  }

  /** The runs' descriptions and reports for the stage, and the artifacts kept. */
  List<Path> evidence() {
    return evidence;
  }

  /** E.g. {@code 2 mixed runs, 26 journeys passed against c0ffee/42}. */
  String actual() {
    if (!any) {
      return "no mixed run against " + running.build();
    }
    if (runs == 0) {
      return "no mixed run ran journeys against " + running.build();
    }
    return runs
        + (runs == 1 ? " mixed run, " : " mixed runs, ")
        + passed
        + (passed == 1 ? " journey passed" : " journeys passed")
        + (flaky == 0 ? "" : " (" + flaky + " flaky)")
        + (failed == 0 ? "" : ", " + failed + " failed")
        + " against "
        + running.build();
  }

  String note() {
    return "against "
        + at
        + " (the build the history says it runs)"
        + (otherStages == 0 ? "" : "; " + otherStages + " run(s) against other stages not used");
  }
}
