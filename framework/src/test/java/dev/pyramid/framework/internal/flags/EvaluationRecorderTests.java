package dev.pyramid.framework.internal.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class EvaluationRecorderTests {
  @TempDir Path folder;

  static EvaluationRecorder.Key key(String flag, String variant, boolean value) {
    return new EvaluationRecorder.Key(
        flag, variant, BooleanNode.valueOf(value), "STATIC", null, true);
  }

  JsonNode file(String layer) throws Exception {
    Path file = folder.resolve(layer + "-" + ProcessHandle.current().pid() + ".json");
    return new ObjectMapper().readTree(Files.readAllBytes(file));
  }

  @Test
  void an_evaluation_while_one_test_runs_is_that_tests_alone_with_its_outcome() throws Exception {
    EvaluationRecorder recorder = new EvaluationRecorder(folder);
    recorder.start("[run-1]", "a.BookingIT#books", "books()", "e2e");
    recorder.evaluated(key("eta-buffer", "on", true));
    recorder.evaluated(key("eta-buffer", "on", true));
    recorder.finish("[run-1]", "passed");

    JsonNode root = file("e2e");
    assertThat(root.get("pyramid").asText()).isEqualTo("flag-evaluations");
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    JsonNode test = root.get("tests").get(0);
    assertThat(test.get("test").asText()).isEqualTo("a.BookingIT#books");
    assertThat(test.get("outcome").asText()).isEqualTo("passed");
    JsonNode evaluation = test.get("evaluations").get(0);
    assertThat(evaluation.get("flag").asText()).isEqualTo("eta-buffer");
    assertThat(evaluation.get("variant").asText()).isEqualTo("on");
    assertThat(evaluation.get("value").asBoolean()).isTrue();
    assertThat(evaluation.get("alone").asBoolean()).isTrue();
    assertThat(evaluation.get("count").asInt()).isEqualTo(2);
  }

  @Test
  void an_evaluation_while_tests_run_side_by_side_is_each_ones_but_not_alone() throws Exception {
    EvaluationRecorder recorder = new EvaluationRecorder(folder);
    recorder.start("[1]", "a.A#one", "one()", "e2e");
    recorder.start("[2]", "a.B#two", "two()", "e2e");
    recorder.evaluated(key("wide-pickup", null, false));
    recorder.finish("[1]", "failed");
    recorder.finish("[2]", "passed");

    JsonNode tests = file("e2e").get("tests");
    assertThat(tests).hasSize(2);
    assertThat(tests.get(0).get("outcome").asText()).isEqualTo("failed");
    for (JsonNode test : tests) {
      JsonNode evaluation = test.get("evaluations").get(0);
      assertThat(evaluation.get("alone").asBoolean()).isFalse();
      assertThat(evaluation.get("variant").isNull()).isTrue();
    }
  }

  @Test
  void evaluations_outside_any_test_are_kept_apart_under_the_layer_of_the_tests_around_them()
      throws Exception {
    EvaluationRecorder recorder = new EvaluationRecorder(folder);
    recorder.evaluated(key("eta-buffer", "off", false));
    recorder.start("[1]", "a.A#one", "one()", "unit");
    recorder.evaluated(key("eta-buffer", "on", true));
    recorder.finish("[1]", "passed");

    JsonNode outside = file("unit").get("outsideTests");
    assertThat(outside).hasSize(1);
    assertThat(outside.get(0).get("variant").asText()).isEqualTo("off");
  }

  @Test
  void a_test_that_evaluated_nothing_writes_nothing() {
    EvaluationRecorder recorder = new EvaluationRecorder(folder);
    recorder.start("[1]", "a.A#one", "one()", "unit");
    recorder.finish("[1]", "passed");

    assertThat(folder).isEmptyDirectory();
  }
}
