package dev.pyramid.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.render.FlakyTable;
import dev.pyramid.reporting.render.MetricsJson;
import dev.pyramid.reporting.render.MetricsPage;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics of a simulated month equal what the simulation made happen: {@link SimulatedPlatform}
 * counts its truths as it acts, and the metrics read them back from the history the gate's own
 * writer wrote.
 */
@UnitTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsOnSimulatedMonthTests {

  static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
  static final int DAYS = 30;
  static final int LAST_BUILDS = 50;

  private SimulatedPlatform.Truths truths;
  private ScannedHistory scanned;
  private DeliveryMetrics metrics;

  @BeforeAll
  void simulate(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("history.jsonl");
    truths = SimulatedPlatform.write(file, Long.getLong("pyramid.simulation.seed", 3L), FROM, DAYS);
    scanned = HistoryScan.scan(file);
    metrics =
        DeliveryMetrics.compute(
            scanned,
            new DeliveryMetrics.Period(FROM, FROM.plus(Duration.ofDays(DAYS))),
            "production",
            "hotfix",
            Duration.ofHours(24));
    System.out.print(MetricsTableOf.truthsBeside(metrics, truths));
  }

  @Test
  void the_simulated_month_is_a_busy_platforms() {
    assertThat(scanned.leftOut()).isEmpty();
    assertThat(truths.promotions.get("staging")).isGreaterThan(250);
    assertThat(truths.promotions.get("production")).isBetween(18, 40);
    assertThat(truths.failedRemedies).containsValues("rollback", "hotfix");
    assertThat(truths.verdicts.get("staging")).containsKey("BLOCK");
    assertThat(truths.verdicts.get("production")).containsKey("BLOCK");
    assertThat(truths.levelRuns).isEqualTo(DAYS);
  }

  /**
   * The page and the JSON of the simulated month, kept in {@code target/simulated-month} for the
   * page's browser check ({@code scripts/metrics-page-check.sh}) and for a person to look at.
   */
  @Test
  void the_json_carries_the_same_figures_and_the_page_draws_every_chart() throws Exception {
    Path out = Path.of("target", "simulated-month");
    MetricsJson.write(metrics, out.resolve("metrics.json"));
    Path page = MetricsPage.write(metrics, out);

    JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(json.path("production").path("deployments").asInt())
        .isEqualTo(truths.promotions.get("production"));
    assertThat(json.path("production").path("failedDeployments").asInt())
        .isEqualTo(truths.failedRemedies.size());
    assertThat(json.path("stages").get(0).path("deployments").asInt())
        .isEqualTo(truths.promotions.get("staging"));
    assertThat(json.path("weeks")).hasSize(5);
    assertThat(json.path("partial").asBoolean()).isFalse();
    String html = Files.readString(page);
    for (String id :
        List.of(
            "keys",
            "deployments-per-week",
            "production-per-week",
            "lead-time-per-week",
            "block-rate-per-week",
            "stages")) {
      assertThat(html).contains("id=\"" + id + "\"");
    }
    assertThat(html).doesNotContain("id=\"partial\"");
  }

  @Test
  void deployments_per_stage_equal_the_promotions_made() {
    assertThat(metrics.stage("staging").deployments()).isEqualTo(truths.promotions.get("staging"));
    assertThat(metrics.stage("production").deployments())
        .isEqualTo(truths.promotions.get("production"));
    assertThat(metrics.deployments()).hasSize(truths.promotions.get("production"));
    assertThat(metrics.deployments().stream().filter(d -> d.lane().equals("hotfix")))
        .hasSize(truths.hotfixPromotionsToProduction);
    assertThat(metrics.stage("production").rollbacks())
        .isEqualTo(truths.rollbacks.getOrDefault("production", 0));
  }

  @Test
  void lead_times_are_those_of_each_production_deployment() {
    List<Duration> expected = new ArrayList<>(truths.leadTimes);
    Collections.sort(expected);

    assertThat(metrics.leadTimes().sorted()).isEqualTo(expected);
    assertThat(metrics.withoutCommitTime()).isZero();
    assertThat(metrics.leadTimes().median()).isEqualTo(nearestRank(expected, 50));
    assertThat(metrics.leadTimes().p90()).isEqualTo(nearestRank(expected, 90));
  }

  @Test
  void the_failed_deployments_are_those_rolled_back_or_hotfixed_with_their_recovery_times() {
    Map<String, String> failed = new TreeMap<>();
    metrics.failed().forEach(d -> failed.put(d.build().buildId(), d.remedy()));
    List<Duration> expected = new ArrayList<>(truths.recoveryTimes);
    Collections.sort(expected);

    assertThat(failed).isEqualTo(truths.failedRemedies);
    assertThat(metrics.changeFailureRate())
        .isEqualTo(truths.failedRemedies.size() / (double) truths.promotions.get("production"));
    assertThat(metrics.recoveryTimes().sorted()).isEqualTo(expected);
  }

  @Test
  void decisions_block_rates_and_blocking_conditions_equal_the_gates_verdicts() {
    for (String stage : List.of("staging", "production")) {
      DeliveryMetrics.StageFigures figures = metrics.stage(stage);
      assertThat(new TreeMap<>(figures.decisions())).isEqualTo(truths.verdicts.get(stage));
      assertThat(new TreeMap<>(figures.blockingConditions()))
          .isEqualTo(truths.blockingConditions.getOrDefault(stage, Map.of()));
    }
  }

  @Test
  void the_flaky_tests_and_their_flip_rates_are_those_the_simulation_made_flip() throws Exception {
    FlipRates.Report report =
        FlipRates.of(scanned, new History(scanned.file()).executedTests(), LAST_BUILDS);

    assertThat(report.withoutTests()).isZero();
    assertThat(report.flaky()).isNotEmpty();
    assertThat(report.flaky().stream().map(t -> t.layer() + "\t" + t.id()))
        .allMatch(
            test ->
                SimulatedPlatform.FLAKY.containsKey(test)
                    || test.equals(SimulatedPlatform.RERUN_FLAKY))
        .contains(SimulatedPlatform.RERUN_FLAKY);
    Map<String, List<Integer>> actual = new TreeMap<>();
    report
        .flaky()
        .forEach(
            t ->
                actual.put(
                    t.layer() + "\t" + t.id(),
                    List.of(t.runs(), t.failures(), t.flips(), t.rerunFlaky())));
    System.out.print(FlakyTable.render(report, 10));
    System.out.println("the simulation's truth (runs, failures, flips, reruns): " + flakyTruth());
    assertThat(actual).isEqualTo(flakyTruth());
  }

  /**
   * Per test that failed and passed on one commit in the last builds: runs, failures, flips, from
   * the outcomes the simulation chose.
   */
  private Map<String, List<Integer>> flakyTruth() {
    List<Map.Entry<BuildIdentity, Map<String, Boolean>>> builds =
        new ArrayList<>(truths.outcomes.entrySet());
    builds = builds.subList(Math.max(0, builds.size() - LAST_BUILDS), builds.size());
    TreeSet<String> failedOnce = new TreeSet<>(List.of(SimulatedPlatform.RERUN_FLAKY));
    builds.forEach(
        b ->
            b.getValue()
                .forEach(
                    (test, passed) -> {
                      if (!passed) {
                        failedOnce.add(test);
                      }
                    }));
    Map<String, List<Integer>> flaky = new TreeMap<>();
    for (String test : failedOnce) {
      List<Boolean> runs = new ArrayList<>();
      Map<String, TreeSet<Boolean>> byCommit = new LinkedHashMap<>();
      for (Map.Entry<BuildIdentity, Map<String, Boolean>> build : builds) {
        Boolean passed = build.getValue().get(test);
        if (passed != null) {
          runs.add(passed);
          byCommit.computeIfAbsent(build.getKey().commit(), c -> new TreeSet<>()).add(passed);
        }
      }
      int reruns =
          (int)
              builds.stream()
                  .filter(
                      b ->
                          test.equals(SimulatedPlatform.RERUN_FLAKY)
                              && truths.rerunFlaky.contains(b.getKey()))
                  .count();
      if (byCommit.values().stream().noneMatch(seen -> seen.size() == 2) && reruns == 0) {
        continue;
      }
      int flips = 0;
      for (int i = 1; i < runs.size(); i++) {
        flips += runs.get(i).equals(runs.get(i - 1)) ? 0 : 1;
      }
      int failures = (int) runs.stream().filter(p -> !p).count();
      flaky.put(test, List.of(runs.size(), failures, flips, reruns));
    }
    return flaky;
  }

  private static Duration nearestRank(List<Duration> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent * sorted.size() / 100.0);
    return sorted.get(rank - 1);
  }

  /** The figures beside the truths, printed for the record. */
  static final class MetricsTableOf {
    static String truthsBeside(DeliveryMetrics metrics, SimulatedPlatform.Truths truths) {
      List<Duration> leads = new ArrayList<>(truths.leadTimes);
      Collections.sort(leads);
      List<Duration> recoveries = new ArrayList<>(truths.recoveryTimes);
      Collections.sort(recoveries);
      String rows =
          String.join(
              "\n",
              row(
                  "staging deployments",
                  metrics.stage("staging").deployments(),
                  truths.promotions.get("staging")),
              row(
                  "production deployments",
                  metrics.deployments().size(),
                  truths.promotions.get("production")),
              row(
                  "  of which hotfixes",
                  metrics.deployments().stream().filter(d -> d.lane().equals("hotfix")).count(),
                  truths.hotfixPromotionsToProduction),
              row(
                  "production rollbacks",
                  metrics.stage("production").rollbacks(),
                  truths.rollbacks.getOrDefault("production", 0)),
              row("lead time median", metrics.leadTimes().median(), nearestRank(leads, 50)),
              row("lead time p90", metrics.leadTimes().p90(), nearestRank(leads, 90)),
              row("failed deployments", metrics.failed().size(), truths.failedRemedies.size()),
              row(
                  "change failure rate",
                  metrics.changeFailureRate(),
                  truths.failedRemedies.size() / (double) truths.promotions.get("production")),
              row("recovery median", metrics.recoveryTimes().median(), nearestRank(recoveries, 50)),
              row(
                  "staging decisions",
                  new TreeMap<>(metrics.stage("staging").decisions()),
                  truths.verdicts.get("staging")),
              row(
                  "production decisions",
                  new TreeMap<>(metrics.stage("production").decisions()),
                  truths.verdicts.get("production")),
              row(
                  "staging blocked by",
                  new TreeMap<>(metrics.stage("staging").blockingConditions()),
                  truths.blockingConditions.get("staging")),
              row(
                  "production blocked by",
                  new TreeMap<>(metrics.stage("production").blockingConditions()),
                  truths.blockingConditions.get("production")),
              row("deployment frequency band", metrics.band(), "-"));
      return "metric | pyramid metrics | simulation's truth\n" + rows + "\n";
    }

    private static String row(String name, Object actual, Object truth) {
      return name + " | " + actual + " | " + truth;
    }
  }
}
