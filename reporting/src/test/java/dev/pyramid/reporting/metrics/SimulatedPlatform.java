package dev.pyramid.reporting.metrics;

import static dev.pyramid.reporting.InMemory.evidence;
import static dev.pyramid.reporting.InMemory.layer;

import dev.pyramid.reporting.InMemory;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.Gate;
import dev.pyramid.reporting.decision.UsageException;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.TestCase;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.RootCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A platform's month (or more) of pipelines, written into a history through the gate's own writer
 * ({@link Gate} decides, {@link History} records and promotes), with the truths it made happen.
 *
 * <p>Weekdays bring 14 commits between 08:00 and 17:00 UTC, weekend days 2. Each commit's build
 * goes through the staging gate; three tests are flaky (each fails now and then, whatever the
 * code), and a commit now and then breaks a test for good. A blocked commit is built again, up to
 * three times; each try is a new build of the same commit. At 15:00 on weekdays the newest build on
 * staging goes to production; one that skipped a journey is blocked there. A fifth of production
 * deployments fail: half are rolled back, half fixed by a hotfix through the hotfix lane.
 */
public final class SimulatedPlatform {

  static final String POLICY =
      """
      version: 1
      promotion:
        path: [staging, production]
      lanes:
        default:
          stages:
            staging:
              require: [unit, e2e]
              conditions:
                - { layer: unit, max-failures: 0 }
                - { layer: e2e, max-failures: 0 }
            production:
              require: [unit, e2e]
              conditions:
                - { layer: unit, max-failures: 0 }
                - { layer: e2e, max-failures: 0 }
                - { layer: e2e, max-skipped: 0 }
        hotfix:
          stages:
            staging:
              require: [unit, e2e]
              conditions:
                - { layer: unit, max-failures: 0 }
            production:
              require: [unit, e2e]
              conditions:
                - { layer: unit, max-failures: 0 }
      """;

  static final String UNIT_CLASS = "dev.sim.fleet.FleetTests";
  static final String E2E_CLASS = "dev.sim.e2e.JourneyIT";

  /** The flaky tests and how often each fails: "layer TAB id". */
  public static final Map<String, Double> FLAKY =
      // sorted: Map.of iterates in an order that changes from one JVM to the next, and the order
      // decides which test gets which random draw
      Collections.unmodifiableSortedMap(
          new TreeMap<>(
              Map.of(
                  "unit\t" + UNIT_CLASS + "#case_07", 0.06,
                  "unit\t" + UNIT_CLASS + "#case_31", 0.03,
                  "e2e\t" + E2E_CLASS + "#journey_03", 0.10)));

  /** Fails now and then, and passes when Surefire reruns it: flaky within a run. */
  public static final String RERUN_FLAKY = "e2e\t" + E2E_CLASS + "#journey_07";

  static final String BROKEN = "unit\t" + UNIT_CLASS + "#case_50";
  static final String SKIPPED = "e2e\t" + E2E_CLASS + "#journey_11";

  /** What the simulation made happen, counted as it went, not read back. */
  public static final class Truths {
    public final Map<String, Integer> promotions = new TreeMap<>();
    final Map<String, Integer> rollbacks = new TreeMap<>();
    public final Map<String, Map<String, Integer>> verdicts = new TreeMap<>();
    final Map<String, Map<String, Integer>> blockingConditions = new TreeMap<>();
    final List<Duration> leadTimes = new ArrayList<>();
    final Map<String, String> failedRemedies = new TreeMap<>(); // build id -> rollback | hotfix
    final List<Duration> recoveryTimes = new ArrayList<>();
    int hotfixPromotionsToProduction;
    int levelRuns;

    /** Per build, in the order of its latest whole-stage decision: each test's outcome. */
    final LinkedHashMap<BuildIdentity, Map<String, Boolean>> outcomes = new LinkedHashMap<>();

    /** The builds in which {@link #RERUN_FLAKY} passed only when rerun. */
    final Set<BuildIdentity> rerunFlaky = new HashSet<>();
  }

  private final Random random;
  private final Policy policy;
  private final History history;
  private final Truths truths = new Truths();
  private final List<Event> events = new ArrayList<>();
  private int builds;
  private BuildIdentity runningInProduction;
  private final Map<String, Instant> commitTimes = new HashMap<>();
  private final Map<BuildIdentity, Map<String, Boolean>> results = new HashMap<>();
  private final Set<BuildIdentity> reruns = new HashSet<>();
  private boolean rerunNow;
  private Instant from;
  private Instant to;

  private record Event(Instant at, int order, EventAction action) {}

  private interface EventAction {
    void run(Instant at) throws Exception;
  }

  private SimulatedPlatform(Path historyFile, long seed) throws Exception {
    this.random = new Random(seed);
    Path policyFile = Files.writeString(historyFile.resolveSibling("policy.yml"), POLICY);
    this.policy = new PolicyReader().read(policyFile);
    this.history = new History(historyFile);
  }

  /**
   * Writes {@code days} days from {@code from} (a day before it too: a production build to roll
   * back to, and events the period must leave out) into {@code historyFile}.
   */
  public static Truths write(Path historyFile, long seed, Instant from, int days) throws Exception {
    SimulatedPlatform platform = new SimulatedPlatform(historyFile, seed);
    platform.from = from;
    platform.to = from.plus(Duration.ofDays(days));
    LocalDate first = from.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    for (int d = 0; d <= days; d++) {
      platform.day(first.plusDays(d));
    }
    return platform.truths;
  }

  private void day(LocalDate date) throws Exception {
    events.clear();
    boolean weekday = date.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    Instant midnight = date.atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Instant> commits = new ArrayList<>();
    for (int i = 0; i < (weekday ? 14 : 2); i++) {
      commits.add(midnight.plus(Duration.ofMinutes(8 * 60 + random.nextInt(9 * 60))));
    }
    commits.sort(Comparator.naturalOrder());
    List<BuildIdentity> onStaging = new ArrayList<>();
    Map<BuildIdentity, Instant> stagedAt = new HashMap<>();
    for (Instant committed : commits) {
      String commit = commit();
      commitTimes.put(commit, committed);
      boolean broken = random.nextDouble() < 0.04;
      boolean skips = random.nextDouble() < 0.08;
      Instant at = committed.plus(Duration.ofMinutes(12 + random.nextInt(6)));
      for (int attempt = 0; attempt < 3; attempt++, at = at.plus(Duration.ofMinutes(20))) {
        BuildIdentity build = new BuildIdentity(commit, "b" + ++builds);
        Map<String, Boolean> outcome = outcome(broken, skips);
        results.put(build, outcome);
        if (rerunNow) {
          reruns.add(build);
        }
        boolean passes = !outcome.containsValue(false);
        schedule(at, 0, t -> decide("staging", "default", build, t));
        if (passes) {
          Instant promoted = at.plus(Duration.ofMinutes(2));
          schedule(promoted, 1, t -> promote("staging", "default", build, t));
          onStaging.add(build);
          stagedAt.put(build, promoted);
          break;
        }
      }
    }
    schedule(midnight.plus(Duration.ofHours(12)), 0, this::levelRun);
    if (weekday) {
      Instant deploy = midnight.plus(Duration.ofMinutes(15 * 60 + random.nextInt(10)));
      BuildIdentity candidate =
          onStaging.stream()
              .filter(b -> stagedAt.get(b).isBefore(deploy))
              .reduce((a, b) -> b)
              .orElse(null);
      if (candidate != null) {
        schedule(deploy, 0, t -> decide("production", "default", candidate, t));
        if (results.get(candidate).containsKey(SKIPPED)) { // a skipped journey blocks production
          Instant promoted = deploy.plus(Duration.ofMinutes(3));
          schedule(promoted, 1, t -> promote("production", "default", candidate, t));
          if (runningInProduction != null && random.nextDouble() < 0.2) {
            fail(candidate, promoted);
          }
        }
      }
    }
    events.sort(Comparator.comparing(Event::at).thenComparing(Event::order));
    for (Event event : events) {
      event.action().run(event.at());
    }
  }

  /** The remedy of a failed production deployment: a rollback, or a hotfix through its lane. */
  private void fail(BuildIdentity failed, Instant promoted) {
    if (random.nextBoolean()) {
      Instant back = promoted.plus(Duration.ofMinutes(30 + random.nextInt(90)));
      schedule(back, 2, t -> rollback(failed, t));
      count(promoted, () -> truths.failedRemedies.put(failed.buildId(), "rollback"));
      count(promoted, () -> truths.recoveryTimes.add(Duration.between(promoted, back)));
      return;
    }
    Instant committed = promoted.plus(Duration.ofMinutes(20 + random.nextInt(40)));
    String commit = commit();
    commitTimes.put(commit, committed);
    BuildIdentity hotfix = new BuildIdentity(commit, "b" + ++builds);
    results.put(hotfix, outcome(false, false));
    results.get(hotfix).replaceAll((test, passed) -> true); // a hotfix's flaky tests behaved
    Instant staging = committed.plus(Duration.ofMinutes(10));
    Instant production = staging.plus(Duration.ofMinutes(15));
    Instant fixed = production.plus(Duration.ofMinutes(3));
    schedule(staging, 0, t -> decide("staging", "hotfix", hotfix, t));
    schedule(staging.plus(Duration.ofMinutes(2)), 1, t -> promote("staging", "hotfix", hotfix, t));
    schedule(production, 0, t -> decide("production", "hotfix", hotfix, t));
    schedule(fixed, 1, t -> promote("production", "hotfix", hotfix, t));
    count(promoted, () -> truths.failedRemedies.put(failed.buildId(), "hotfix"));
    count(promoted, () -> truths.recoveryTimes.add(Duration.between(promoted, fixed)));
  }

  /** Each test's outcome in one build: true passed, false failed; a skipped test is absent. */
  private Map<String, Boolean> outcome(boolean broken, boolean skips) {
    Map<String, Boolean> outcome = new TreeMap<>();
    for (int i = 0; i < 60; i++) {
      outcome.put(String.format("unit\t%s#case_%02d", UNIT_CLASS, i), true);
    }
    for (int i = 0; i < 12; i++) {
      outcome.put(String.format("e2e\t%s#journey_%02d", E2E_CLASS, i), true);
    }
    FLAKY.forEach((test, p) -> outcome.put(test, random.nextDouble() >= p));
    rerunNow = random.nextDouble() < 0.08;
    if (broken) {
      outcome.put(BROKEN, false);
    }
    if (skips) {
      outcome.remove(SKIPPED);
    }
    return outcome;
  }

  private void decide(String stage, String lane, BuildIdentity build, Instant at) throws Exception {
    Map<String, Boolean> outcome = results.get(build);
    InMemory.LayerBuilder unit = layer(Layer.UNIT);
    InMemory.LayerBuilder e2e = layer(Layer.E2E);
    TreeSet<String> blocking = new TreeSet<>();
    for (String test : outcome.keySet()) {
      String[] parts = test.split("\t");
      String[] id = parts[1].split("#");
      TestCase.Status status = outcome.get(test) ? TestCase.Status.PASSED : TestCase.Status.FAILED;
      boolean rerun = test.equals(RERUN_FLAKY) && reruns.contains(build);
      (parts[0].equals("unit") ? unit : e2e).test(id[0], id[1], status, rerun);
      if (!outcome.get(test) && (parts[0].equals("unit") || lane.equals("default"))) {
        blocking.add(parts[0] + ".max-failures");
      }
    }
    if (!outcome.containsKey(SKIPPED)) {
      e2e.test(E2E_CLASS, "journey_11", TestCase.Status.SKIPPED);
      if (stage.equals("production") && lane.equals("default")) {
        blocking.add("e2e.max-skipped");
      }
    }
    Decision decision = gate(stage, lane, build, List.of(), evidence(unit, e2e));
    String expected = blocking.isEmpty() ? "PROMOTE" : "BLOCK";
    if (!decision.outcome().name().equals(expected)) {
      throw new IllegalStateException(
          build + " at " + stage + ": the gate said " + decision.outcome() + ", not " + expected);
    }
    history.record(decision, at, Optional.of(commitTimes.get(build.commit())), Optional.empty());
    truths.outcomes.remove(build);
    truths.outcomes.put(build, outcome);
    if (reruns.contains(build)) {
      truths.rerunFlaky.add(build);
    }
    if (from.isAfter(at) || !to.isAfter(at)) {
      return;
    }
    truths.verdicts.computeIfAbsent(stage, s -> new TreeMap<>()).merge(expected, 1, Integer::sum);
    for (String condition : blocking) {
      truths
          .blockingConditions
          .computeIfAbsent(stage, s -> new TreeMap<>())
          .merge(condition, 1, Integer::sum);
    }
  }

  /** A developer's `-Plevel=unit` run: recorded, decides nothing, counts in no metric. */
  private void levelRun(Instant at) throws Exception {
    BuildIdentity build = new BuildIdentity(commit(), "local-" + ++builds);
    history.record(
        gate(
            "staging",
            "default",
            build,
            List.of(Layer.UNIT),
            evidence(layer(Layer.UNIT).passed(60))),
        at);
    if (!from.isAfter(at) && to.isAfter(at)) {
      truths.levelRuns++;
    }
  }

  private Decision gate(
      String stage,
      String lane,
      BuildIdentity build,
      List<Layer> level,
      dev.pyramid.reporting.results.Evidence evidence)
      throws UsageException {
    RootCheck trusted =
        new RootCheck(InMemory.ROOT.toAbsolutePath().normalize(), Optional.empty(), List.of());
    return new Gate()
        .decide(
            new Gate.Request(
                evidence,
                List.of(trusted),
                policy,
                lane,
                stage,
                level,
                build,
                Quarantine.NONE,
                Optional.empty(),
                LocalDate.of(2026, 11, 1)));
  }

  private void promote(String stage, String lane, BuildIdentity build, Instant at)
      throws Exception {
    history.appendStageChange(History.promotionLine(stage, lane, build, null, at));
    if (stage.equals("production")) {
      runningInProduction = build;
    }
    if (from.isAfter(at) || !to.isAfter(at)) {
      return;
    }
    truths.promotions.merge(stage, 1, Integer::sum);
    if (stage.equals("production")) {
      truths.leadTimes.add(Duration.between(commitTimes.get(build.commit()), at));
      if (lane.equals("hotfix")) {
        truths.hotfixPromotionsToProduction++;
      }
    }
  }

  private void rollback(BuildIdentity from, Instant at) throws Exception {
    List<BuildIdentity> ran = History.ranAt(history.read(), "production");
    BuildIdentity to = ran.get(ran.size() - 2);
    history.appendStageChange(History.rollbackLine("production", from, to, "on-call", at));
    runningInProduction = to;
    if (!this.from.isAfter(at) && this.to.isAfter(at)) {
      truths.rollbacks.merge("production", 1, Integer::sum);
    }
  }

  /** Counts a truth of a failed deployment when the deployment lies in the period. */
  private void count(Instant promoted, Runnable truth) {
    if (!from.isAfter(promoted) && to.isAfter(promoted)) {
      truth.run();
    }
  }

  private void schedule(Instant at, int order, EventAction action) {
    events.add(new Event(at, order, action));
  }

  private String commit() {
    StringBuilder sha = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sha.append(String.format("%08x", random.nextInt()));
    }
    return sha.toString();
  }
}
