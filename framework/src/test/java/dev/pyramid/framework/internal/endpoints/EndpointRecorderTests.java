package dev.pyramid.framework.internal.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the recorder writes, and for which layer, when tests send requests in parallel. */
@UnitTest
class EndpointRecorderTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  private static EndpointRecorder.Exchange ok(String operation) {
    return new EndpointRecorder.Exchange(
        "fleet-core", "classpath:openapi/fleet-core.yaml", operation, null, null, "2xx");
  }

  private static EndpointRecorder.Exchange unmatched(String request) {
    return new EndpointRecorder.Exchange(
        "fleet-core", "classpath:openapi/fleet-core.yaml", null, "no-path", request, "4xx");
  }

  private List<JsonNode> lines(String layer) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      Path file =
          files.filter(f -> f.getFileName().toString().startsWith(layer + "-")).findFirst().get();
      assertThat(file.getFileName().toString())
          .isEqualTo(layer + "-" + ProcessHandle.current().pid() + ".jsonl");
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        lines.add(JSON.readTree(line));
      }
      return lines;
    }
  }

  @Test
  void should_write_a_header_then_one_line_per_operation_and_status_class() throws IOException {
    EndpointRecorder recorder = new EndpointRecorder(folder);
    recorder.enter("contract");
    recorder.record(ok("POST /v1/rides"));
    recorder.record(ok("GET /v1/rides/{id}"));
    recorder.record(ok("GET /v1/rides/{id}"));
    recorder.record(unmatched("GET /v9/rides"));
    recorder.flush();

    List<JsonNode> lines = lines("contract");
    assertThat(lines.get(0).toString())
        .isEqualTo("{\"pyramid\":\"endpoints\",\"schemaVersion\":1,\"layer\":\"contract\"}");
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.path("operation").asText() + " " + l.path("count").asInt())
        .containsExactly("null 1", "GET /v1/rides/{id} 2", "POST /v1/rides 1");
    assertThat(lines.get(1).path("request").asText()).isEqualTo("GET /v9/rides");
    assertThat(lines.get(1).path("unmatched").asText()).isEqualTo("no-path");
  }

  @Test
  void should_count_each_exchange_of_parallel_tests_once_for_their_layer() throws Exception {
    EndpointRecorder recorder = new EndpointRecorder(folder);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> tests = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      tests.add(
          pool.submit(
              () -> {
                String before = recorder.enter("e2e");
                for (int i = 0; i < 500; i++) {
                  recorder.record(ok("GET /v1/vehicles"));
                }
                recorder.exit("e2e", before);
                recorder.flush();
              }));
    }
    for (Future<?> test : tests) {
      test.get();
    }
    pool.shutdown();

    assertThat(lines("e2e").get(1).path("count").asInt()).isEqualTo(8 * 500);
  }

  @Test
  void should_count_a_request_from_another_thread_for_the_one_layer_running() throws Exception {
    EndpointRecorder recorder = new EndpointRecorder(folder);
    recorder.enter("e2e");
    Thread helper = new Thread(() -> recorder.record(ok("GET /v1/vehicles")));
    helper.start();
    helper.join();
    recorder.flush();

    assertThat(lines("e2e")).hasSize(2);
  }

  @Test
  void should_not_guess_a_layer_when_several_run_and_the_thread_has_none() throws Exception {
    EndpointRecorder recorder = new EndpointRecorder(folder);
    recorder.enter("e2e");
    recorder.enter("ui");
    Thread helper = new Thread(() -> recorder.record(ok("GET /v1/vehicles")));
    helper.start();
    helper.join();
    recorder.flush();

    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void should_give_the_thread_its_previous_layer_back_on_exit() throws IOException {
    EndpointRecorder recorder = new EndpointRecorder(folder);
    String outer = recorder.enter("contract");
    String inner = recorder.enter("e2e");
    recorder.exit("e2e", inner);
    recorder.record(ok("GET /v1/vehicles"));
    recorder.exit("contract", outer);
    recorder.flush();

    assertThat(lines("contract")).hasSize(2);
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void should_keep_a_bounded_number_of_distinct_unmatched_requests() throws IOException {
    EndpointRecorder recorder = new EndpointRecorder(folder);
    recorder.enter("e2e");
    for (int i = 0; i < EndpointRecorder.UNMATCHED_KEPT + 7; i++) {
      recorder.record(unmatched("GET /v9/rides/r-" + i));
    }
    recorder.flush();

    List<JsonNode> lines = lines("e2e");
    assertThat(lines).hasSize(1 + EndpointRecorder.UNMATCHED_KEPT + 1);
    assertThat(lines)
        .filteredOn(l -> l.path("request").asText().equals("(more requests)"))
        .singleElement()
        .satisfies(l -> assertThat(l.path("count").asInt()).isEqualTo(7));
  }
}
