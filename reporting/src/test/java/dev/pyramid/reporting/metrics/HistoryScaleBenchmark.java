package dev.pyramid.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.history.HistoryCompaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the history grows and how fast a year of it is read: {@code bench/history-scale.sh} runs this
 * ({@code -Dpyramid.bench=true}); the build does not, its timings belong to a quiet moment.
 *
 * <p>A year is twelve simulated months ({@link SimulatedPlatform}, through the gate's own writer),
 * each shifted by 30 days with its own commits and builds; every decision line carries the
 * performance figures and flag variants of a real production decision of the reference platform, so
 * that lines are as heavy as the heaviest real ones. Each reader is timed side by side with the
 * floor, reading the file's bytes, in the same rounds.
 */
@UnitTest
@EnabledIfSystemProperty(named = "pyramid.bench", matches = "true")
class HistoryScaleBenchmark {

  /** The perf and flag fields of a production decision line of the reference platform. */
  static final String REAL_DECISION_FIELDS =
      """
      {"perf": {"All Requests": {"p95": 25.0, "p99": 33.0, "max": 430.0, "error-pct": 0.0, \
      "throughput": 38.0}, "book a ride": {"p95": 30.0, "p99": 73.0, "max": 430.0, "error-pct": 0.0, \
      "throughput": 12.67}, "look up the ride": {"p95": 13.0, "p99": 18.0, "max": 19.0, \
      "error-pct": 0.0, "throughput": 12.67}, "cancel the ride": {"p95": 13.0, "p99": 26.0, \
      "max": 29.0, "error-pct": 0.0, "throughput": 12.67}}, "flagVariantsTested": \
      {"eta-buffer": ["off", "on"], "wide-pickup": ["off", "on"]}}""";

  static final int ROUNDS = 7;
  static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void a_year_of_a_busy_platform_is_read_and_measured_in_under_a_second() throws Exception {
    Path month = dir.resolve("month/history.jsonl");
    Files.createDirectories(month.getParent());
    SimulatedPlatform.write(month, 2025L, FROM, 30);
    Path year = dir.resolve("year/history.jsonl");
    Files.createDirectories(year.getParent());
    List<String> lines = year(Files.readAllLines(month, StandardCharsets.UTF_8));
    Files.write(year, lines, StandardCharsets.UTF_8);

    long bytes = Files.size(year);
    System.out.printf(
        Locale.ROOT, "a year: %d lines, %.1f MB; %s%n", lines.size(), bytes / 1e6, sizes(lines));
    System.out.printf(
        Locale.ROOT,
        "kept tests beside a month (history.tests): %d file(s), %d KB%n",
        count(month),
        folderBytes(month.resolveSibling("history.tests")) / 1024);

    History history = new History(year);
    Instant until = FROM.plus(Duration.ofDays(360));
    long[] floor = new long[ROUNDS];
    long[] gate = new long[ROUNDS];
    long[] scan = new long[ROUNDS];
    long[] metrics = new long[ROUNDS];
    for (int round = -2; round < ROUNDS; round++) { // two rounds to warm up
      long f = time(() -> Files.readAllBytes(year).length);
      long g = time(() -> history.read().size());
      long s = time(() -> HistoryScan.scan(year).entries().size());
      long m =
          time(
              () ->
                  DeliveryMetrics.compute(
                          HistoryScan.scan(year),
                          new DeliveryMetrics.Period(FROM, until),
                          "production",
                          "hotfix",
                          Duration.ofHours(24))
                      .deployments()
                      .size());
      if (round >= 0) {
        floor[round] = f;
        gate[round] = g;
        scan[round] = s;
        metrics[round] = m;
      }
    }
    long floorMs = median(floor);
    System.out.printf(
        Locale.ROOT, "%-44s %8s %8s%n", "median of " + ROUNDS + " rounds", "ms", "x floor");
    row("floor: the file's bytes read", floorMs, floorMs);
    row("the gate's History.read (baselines)", median(gate), floorMs);
    row("HistoryScan.scan (metrics, flaky)", median(scan), floorMs);
    row("scan + DeliveryMetrics of the year", median(metrics), floorMs);

    // 300+ staging and 20+ production deployments a month, as the platform team counts them
    assertThat(
            lines.stream()
                .filter(
                    l ->
                        l.contains("\"type\":\"promotion\",\"schema\":2,\"time\"")
                            && l.contains("\"stage\":\"staging\""))
                .count())
        .isGreaterThanOrEqualTo(12 * 300);
    assertThat(
            lines.stream()
                .filter(
                    l ->
                        l.contains("\"type\":\"promotion\"")
                            && l.contains("\"stage\":\"production\""))
                .count())
        .isGreaterThanOrEqualTo(12 * 20);
    HistoryCompaction.Compacted compacted = history.compact(until.minus(Duration.ofDays(90)));
    System.out.printf(
        Locale.ROOT,
        "compacted before the last 90 days: %d lines, %.1f MB -> %d lines, %.1f MB (%.0f %%);"
            + " archive %.1f MB gzipped%n",
        compacted.linesBefore(),
        compacted.bytesBefore() / 1e6,
        compacted.linesAfter(),
        compacted.bytesAfter() / 1e6,
        100.0 * compacted.bytesAfter() / compacted.bytesBefore(),
        Files.size(compacted.archive()) / 1e6);
    long afterCompaction =
        median(
            new long[] {
              time(() -> history.read().size()),
              time(() -> history.read().size()),
              time(() -> history.read().size())
            });
    System.out.printf(
        Locale.ROOT, "the gate's History.read after compaction: %d ms%n", afterCompaction);

    assertThat(median(gate)).as("the gate reads a year in ms").isLessThan(1000);
    assertThat(median(metrics)).as("metrics of a year in ms").isLessThan(1000);
  }

  /** Twelve shifted copies of {@code month}, each with its own commits and builds. */
  private static List<String> year(List<String> month) throws IOException {
    JsonNode real = JSON.readTree(REAL_DECISION_FIELDS);
    List<String> year = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      Duration shift = Duration.ofDays(30L * m);
      String suffix = "-m" + m;
      for (String text : month) {
        ObjectNode line = (ObjectNode) JSON.readTree(text);
        for (String time : List.of("time", "committedAt")) {
          if (line.has(time)) {
            line.put(time, Instant.parse(line.get(time).asText()).plus(shift).toString());
          }
        }
        for (String id : List.of("commit", "buildId", "toCommit", "toBuildId")) {
          if (line.has(id)) {
            line.put(id, line.get(id).asText() + suffix);
          }
        }
        if ("decision".equals(line.path("type").asText()) && !line.path("levelRun").asBoolean()) {
          line.setAll((ObjectNode) real);
        }
        year.add(JSON.writeValueAsString(line));
      }
    }
    return year;
  }

  private static String sizes(List<String> lines) throws IOException {
    long decisions = 0;
    long decisionBytes = 0;
    long others = 0;
    long otherBytes = 0;
    for (String line : lines) {
      if ("decision".equals(JSON.readTree(line).path("type").asText())) {
        decisions++;
        decisionBytes += line.length() + 1;
      } else {
        others++;
        otherBytes += line.length() + 1;
      }
    }
    return String.format(
        Locale.ROOT,
        "%d decision lines of %d bytes on average, %d promotion and rollback lines of %d",
        decisions,
        decisionBytes / decisions,
        others,
        otherBytes / others);
  }

  private static long count(Path history) throws IOException {
    Path folder = history.resolveSibling("history.tests");
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  private static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  private static long time(Callable<Integer> action) throws Exception {
    long start = System.nanoTime();
    int result = action.call();
    assertThat(result).isPositive();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void row(String name, long ms, long floorMs) {
    System.out.printf(
        Locale.ROOT, "%-44s %8d %8.1f%n", name, ms, floorMs == 0 ? 0.0 : ms / (double) floorMs);
  }
}
