package dev.pyramid.reporting.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class HistoryTests {

  private static final int WRITERS = 8;
  private static final int APPENDS = 250;

  @TempDir Path dir;

  @Test
  void parallel_threads_lose_and_tear_no_line() throws Exception {
    Path file = dir.resolve("history.jsonl");
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> done = new ArrayList<>();
    String padding = "x".repeat(5000); // lines far longer than one small write
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      done.add(
          pool.submit(
              () -> {
                // A History per append, as separate gate runs would have.
                for (int i = 0; i < APPENDS; i++) {
                  ObjectNode line =
                      History.promotionLine(
                          "dev",
                          "default",
                          new BuildIdentity("c" + writer, "b" + i),
                          padding,
                          Instant.now());
                  new History(file).append(line);
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<JsonNode> lines = new History(file).read();
    assertThat(lines).hasSize(WRITERS * APPENDS);
    Set<String> distinct = new HashSet<>();
    lines.forEach(l -> distinct.add(l.path("commit").asText() + "/" + l.path("buildId").asText()));
    assertThat(distinct).hasSize(WRITERS * APPENDS);
  }

  @Test
  void parallel_processes_lose_and_tear_no_line() throws Exception {
    Path file = dir.resolve("history.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      processes.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  HistoryWriterMain.class.getName(),
                  file.toString(),
                  "p" + p,
                  "200")
              .inheritIO()
              .start());
    }
    for (Process process : processes) {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    }

    List<String> raw = Files.readAllLines(file);
    assertThat(raw)
        .hasSize(4 * 200)
        .allSatisfy(line -> assertThat(new ObjectMapper().readTree(line).isObject()).isTrue());
  }

  @Test
  void the_baseline_is_the_last_build_promoted_to_the_stage() throws Exception {
    History history = new History(dir.resolve("h.jsonl"));
    ObjectMapper json = new ObjectMapper();
    history.append(
        (ObjectNode)
            json.readTree(
                "{\"type\":\"decision\",\"stage\":\"staging\",\"commit\":\"a\","
                    + "\"buildId\":\"1\",\"verdict\":\"PROMOTE\",\"perf\":{\"All Requests\":{\"p95\":100.0}}}"));
    history.append(
        History.promotionLine(
            "staging", "default", new BuildIdentity("a", "1"), null, Instant.now()));
    history.append(
        (ObjectNode)
            json.readTree(
                "{\"type\":\"decision\",\"stage\":\"staging\",\"commit\":\"b\","
                    + "\"buildId\":\"2\",\"verdict\":\"PROMOTE\",\"perf\":{\"All Requests\":{\"p95\":300.0}}}"));

    assertThat(history.baseline(history.read(), "staging"))
        .hasValueSatisfying(
            b -> {
              assertThat(b.buildId()).isEqualTo("1");
              assertThat(b.metrics().get("All Requests").get("p95")).isEqualTo(100.0);
            });
    assertThat(history.baseline(history.read(), "production")).isEmpty();
  }

  @Test
  void a_torn_line_is_refused_naming_its_number() throws Exception {
    Path file =
        Files.writeString(dir.resolve("h.jsonl"), "{\"type\":\"promotion\"}\n{\"type\":\"decis\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new History(file).read())
        .hasMessageContaining("h.jsonl:2");
  }
}
