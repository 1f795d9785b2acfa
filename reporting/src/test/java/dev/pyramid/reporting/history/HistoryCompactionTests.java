package dev.pyramid.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.metrics.DeliveryMetrics;
import dev.pyramid.reporting.metrics.FlipRates;
import dev.pyramid.reporting.metrics.HistoryScan;
import dev.pyramid.reporting.metrics.SimulatedPlatform;
import dev.pyramid.reporting.render.MetricsJson;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compacting a history keeps what baselines, rollbacks, deliveries, metrics and flip rates read,
 * and the lines as they were in the archive.
 */
@UnitTest
class HistoryCompactionTests {

  static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
  static final Instant CUTOFF = FROM.plus(Duration.ofDays(20));

  @TempDir Path dir;

  @Test
  void a_compacted_month_gives_the_same_baselines_metrics_and_flip_rates_in_fewer_bytes()
      throws Exception {
    Path file = dir.resolve("history.jsonl");
    SimulatedPlatform.write(file, 20261105L, FROM, 28);
    History history = new History(file);
    byte[] original = Files.readAllBytes(file);
    List<JsonNode> before = history.read();
    String metricsBefore = metrics(file);
    FlipRates.Report flakyBefore =
        FlipRates.of(HistoryScan.scan(file), history.executedTests(), 50);

    HistoryCompaction.Compacted done = history.compact(CUTOFF);

    List<JsonNode> after = history.read();
    assertThat(done.bytesAfter()).isEqualTo(Files.size(file)).isLessThan(original.length);
    assertThat(done.compacted()).isGreaterThan(200);
    assertThat(done.linesBefore() - done.linesAfter()).as("level runs left out").isEqualTo(21);
    assertThat(metrics(file)).isEqualTo(metricsBefore);
    assertThat(FlipRates.of(HistoryScan.scan(file), history.executedTests(), 50))
        .isEqualTo(flakyBefore);
    for (String stage : List.of("staging", "production")) {
      assertThat(History.ranAt(after, stage)).isEqualTo(History.ranAt(before, stage));
      assertThat(history.baseline(after, stage).orElseThrow().tests().file())
          .isEqualTo(history.baseline(before, stage).orElseThrow().tests().file());
    }
    assertThat(gunzip(done.archive())).isEqualTo(original);
    assertThat(after.stream().filter(line -> line.has("compacted")))
        .allMatch(line -> Instant.parse(line.get("time").asText()).isBefore(CUTOFF))
        .noneMatch(line -> line.has("executedTests") || line.has("failedTests"));
  }

  @Test
  void a_second_compaction_adds_to_the_archive_and_the_gate_appends_after_it() throws Exception {
    Path file = dir.resolve("history.jsonl");
    SimulatedPlatform.write(file, 20261105L, FROM, 7);
    History history = new History(file);
    byte[] first = Files.readAllBytes(file);
    history.compact(FROM.plus(Duration.ofDays(3)));
    byte[] second = Files.readAllBytes(file);

    history.compact(FROM.plus(Duration.ofDays(6)));
    history.append(
        History.promotionLine(
            "staging", "default", new BuildIdentity("c0ffee", "after"), null, Instant.now()));

    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(first);
    both.write(second);
    assertThat(gunzip(dir.resolve("history.archive.jsonl.gz"))).isEqualTo(both.toByteArray());
    List<JsonNode> lines = history.read();
    assertThat(lines.get(lines.size() - 1).path("buildId").asText()).isEqualTo("after");
  }

  @Test
  void gates_appending_while_the_history_is_compacted_lose_no_line() throws Exception {
    Path file = dir.resolve("history.jsonl");
    History history = new History(file);
    Instant old = Instant.parse("2026-01-01T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int writer = w;
      writers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  history.append(
                      History.promotionLine(
                          "staging",
                          "default",
                          new BuildIdentity("c0ffee", writer + "-" + i),
                          null,
                          old.plusSeconds(i)));
                }
                return null;
              }));
    }
    writers.add(
        pool.submit(
            () -> {
              for (int i = 0; i < 20; i++) {
                history.compact(old.plus(Duration.ofDays(1)));
              }
              return null;
            }));
    for (Future<?> done : writers) {
      done.get();
    }
    pool.shutdown();

    assertThat(history.read()).hasSize(300);
  }

  /**
   * The metrics JSON, less the line numbers of failed deployments (the level runs left out move
   * them).
   */
  @Test
  void a_line_without_a_readable_time_is_kept_whole() throws Exception {
    Path file = dir.resolve("history.jsonl");
    String edited =
        "{\"type\":\"decision\",\"time\":\"last week\",\"stage\":\"staging\",\"commit\":\"c\","
            + "\"buildId\":\"b\",\"verdict\":\"BLOCK\",\"levelRun\":false,\"perf\":{}}";
    Files.writeString(file, edited + "\n");

    HistoryCompaction.Compacted done = new History(file).compact(Instant.now());

    assertThat(done.compacted()).isZero();
    assertThat(Files.readString(file)).contains("\"time\":\"last week\"").contains("\"perf\"");
  }

  private static String metrics(Path file) throws Exception {
    return MetricsJson.tree(
            DeliveryMetrics.compute(
                HistoryScan.scan(file),
                new DeliveryMetrics.Period(FROM, FROM.plus(Duration.ofDays(28))),
                "production",
                "hotfix",
                Duration.ofHours(24)))
        .toString()
        .replaceAll("\"line\":\\d+,", "");
  }

  private static byte[] gunzip(Path file) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
