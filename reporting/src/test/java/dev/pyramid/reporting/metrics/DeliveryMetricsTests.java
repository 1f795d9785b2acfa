package dev.pyramid.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The definitions of the metrics, one by one, on histories written by hand. */
@UnitTest
class DeliveryMetricsTests {

  static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
  static final Instant TO = Instant.parse("2026-11-09T00:00:00Z");

  @TempDir Path dir;
  private final List<String> lines = new ArrayList<>();

  private DeliveryMetricsTests promote(String time, String build, String lane) {
    lines.add(
        "{\"type\":\"promotion\",\"schema\":2,\"time\":\"%s\",\"stage\":\"production\",\"lane\":\"%s\",\"commit\":\"c-%s\",\"buildId\":\"%s\"}"
            .formatted(time, lane, build, build));
    return this;
  }

  private DeliveryMetricsTests rollback(String time, String build, String to) {
    lines.add(
        "{\"type\":\"rollback\",\"schema\":2,\"time\":\"%s\",\"stage\":\"production\",\"commit\":\"c-%s\",\"buildId\":\"%s\",\"toCommit\":\"c-%s\",\"toBuildId\":\"%s\"}"
            .formatted(time, build, build, to, to));
    return this;
  }

  private DeliveryMetricsTests decision(String time, String verdict, String extra) {
    lines.add(
        "{\"type\":\"decision\",%s\"time\":\"%s\",\"stage\":\"staging\",\"lane\":\"default\",\"commit\":\"c\",\"buildId\":\"b\",\"verdict\":\"%s\"%s}"
            .formatted(
                extra.contains("levelRun") || extra.contains("schema") ? "" : "\"schema\":2,",
                time,
                verdict,
                extra));
    return this;
  }

  private DeliveryMetrics metrics() throws Exception {
    Path file = Files.write(dir.resolve("history.jsonl"), lines);
    return DeliveryMetrics.compute(
        HistoryScan.scan(file),
        new DeliveryMetrics.Period(FROM, TO),
        "production",
        "hotfix",
        Duration.ofHours(24));
  }

  @Test
  void a_remedy_within_the_window_fails_a_deployment_and_one_later_does_not() throws Exception {
    promote("2026-11-01T12:00:00Z", "b0", "default") // before the period: not counted
        .promote("2026-11-02T10:00:00Z", "b1", "default")
        .rollback("2026-11-03T10:00:00Z", "b1", "b0") // exactly 24 h: within the window
        .promote("2026-11-04T10:00:00Z", "b2", "default")
        .promote("2026-11-05T10:00:01Z", "b3", "hotfix") // 24 h 1 s: too late to fail b2
        .promote("2026-11-06T10:00:00Z", "b4", "default")
        .promote("2026-11-06T11:00:00Z", "b5", "default") // replaces b4 without failing it
        .promote("2026-11-08T10:00:00Z", "b6", "default")
        .promote("2026-11-08T12:00:00Z", "b7", "hotfix")
        .promote("2026-11-08T13:00:00Z", "b8", "hotfix")
        .promote("2026-11-09T00:00:00Z", "b9", "default"); // the period's end is exclusive

    DeliveryMetrics metrics = metrics();

    assertThat(metrics.deployments())
        .extracting(d -> d.build().buildId())
        .containsExactly("b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8");
    assertThat(metrics.failed())
        .extracting(d -> d.build().buildId() + " " + d.remedy() + " " + d.recoveryTime())
        .containsExactly("b1 rollback PT24H", "b6 hotfix PT3H", "b7 hotfix PT1H");
    assertThat(metrics.changeFailureRate()).isEqualTo(3 / 8.0);
    assertThat(metrics.stage("production").rollbacks()).isEqualTo(1);
  }

  @Test
  void a_chain_of_remedies_recovers_each_failed_deployment_when_production_is_restored()
      throws Exception {
    promote("2026-11-02T10:00:00Z", "b1", "default")
        .promote("2026-11-02T11:00:00Z", "b2", "hotfix")
        .promote("2026-11-02T12:00:00Z", "b3", "hotfix")
        .rollback("2026-11-02T13:00:00Z", "b3", "b2")
        .promote("2026-11-03T10:00:00Z", "b4", "default")
        .promote("2026-11-03T11:00:00Z", "b5", "hotfix");

    DeliveryMetrics metrics = metrics();

    // b1 and b2 were each followed by a hotfix that failed in turn, b3 by a rollback: all three
    // recovered when the rollback restored production. b4's hotfix b5 did not fail: b4 recovered.
    assertThat(metrics.failed())
        .extracting(d -> d.build().buildId() + " " + d.recoveryTime())
        .containsExactly("b1 PT3H", "b2 PT2H", "b3 PT1H", "b4 PT1H");
    assertThat(metrics.recoveryTimes().median()).isEqualTo(Duration.ofHours(1));
    assertThat(metrics.recoveryTimes().p90()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void blocks_count_their_failed_conditions_and_say_when_a_line_did_not_record_them()
      throws Exception {
    decision(
            "2026-11-02T10:00:00Z",
            "BLOCK",
            ",\"failedConditions\":[\"unit.max-failures\",\"e2e.max-failures\"]")
        .decision("2026-11-02T11:00:00Z", "BLOCK", ",\"failedConditions\":[\"unit.max-failures\"]")
        .decision("2026-11-02T12:00:00Z", "BLOCK", "") // no blocking condition failed: the score
        .decision("2026-11-02T13:00:00Z", "BLOCK", ",\"schema\":1")
        .decision("2026-11-02T14:00:00Z", "PROMOTE", "")
        .decision("2026-11-02T15:00:00Z", "LAYERS_PASS", ",\"levelRun\":true,\"schema\":2");

    DeliveryMetrics.StageFigures staging = metrics().stage("staging");

    assertThat(staging.decisions()).containsOnlyKeys("BLOCK", "PROMOTE");
    assertThat(staging.blockRate()).isEqualTo(4 / 5.0);
    assertThat(staging.blockingConditions())
        .containsExactly(
            java.util.Map.entry("unit.max-failures", 2),
            java.util.Map.entry(DeliveryMetrics.NOT_RECORDED, 1),
            java.util.Map.entry(DeliveryMetrics.SCORE_BELOW_WARN, 1),
            java.util.Map.entry("e2e.max-failures", 1));
  }

  @Test
  void lead_time_runs_from_the_commit_to_production_and_builds_without_a_commit_time_are_counted()
      throws Exception {
    lines.add(
        "{\"type\":\"decision\",\"schema\":2,\"time\":\"2026-11-02T09:00:00Z\",\"stage\":\"production\",\"lane\":\"default\",\"commit\":\"c-b1\",\"buildId\":\"b1\",\"verdict\":\"PROMOTE\",\"committedAt\":\"2026-11-01T09:00:00Z\"}");
    promote("2026-11-02T10:00:00Z", "b1", "default")
        .promote("2026-11-03T10:00:00Z", "b2", "default");

    DeliveryMetrics metrics = metrics();

    assertThat(metrics.leadTimes().sorted()).containsExactly(Duration.ofHours(25));
    assertThat(metrics.withoutCommitTime()).isEqualTo(1);
  }

  @Test
  void flag_deliveries_are_counted_apart_from_deployments() throws Exception {
    promote("2026-11-02T10:00:00Z", "b1", "default");
    for (String time : List.of("2026-11-03T10:00:00Z", "2026-11-04T10:00:00Z")) {
      lines.add(
          "{\"type\":\"delivery\",\"schema\":2,\"time\":\"%s\",\"stage\":\"production\",\"commit\":\"c-b1\",\"buildId\":\"b1\",\"flag\":\"wide-pickup\",\"from\":\"off\",\"to\":\"pilot\",\"serves\":[\"on\"],\"check\":\"flag-variants-tested\"}"
              .formatted(time));
    }

    DeliveryMetrics.StageFigures production = metrics().stage("production");

    assertThat(production.deployments()).isEqualTo(1);
    assertThat(production.deliveries()).isEqualTo(2);
  }

  @Test
  void the_band_follows_the_average_frequency() {
    assertThat(DeliveryMetrics.Band.of(30, 30)).isEqualTo(DeliveryMetrics.Band.ELITE);
    assertThat(DeliveryMetrics.Band.of(29, 30)).isEqualTo(DeliveryMetrics.Band.HIGH);
    assertThat(DeliveryMetrics.Band.of(5, 30)).isEqualTo(DeliveryMetrics.Band.HIGH);
    assertThat(DeliveryMetrics.Band.of(4, 30)).isEqualTo(DeliveryMetrics.Band.MEDIUM);
    assertThat(DeliveryMetrics.Band.of(1, 30)).isEqualTo(DeliveryMetrics.Band.MEDIUM);
    assertThat(DeliveryMetrics.Band.of(0, 30)).isEqualTo(DeliveryMetrics.Band.LOW);
  }
}
