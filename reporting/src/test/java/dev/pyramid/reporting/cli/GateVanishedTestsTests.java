package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code max-vanished-tests} on the results of a real crashed Surefire fork ({@code
 * real/surefire-crashed-fork/}, see its HOW.md): the crashed run's XML is complete and green, with
 * fewer tests. Once the run without the crash was promoted, the crashed runs block, naming exactly
 * the tests the runner lost; the run without the crash promotes again.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateVanishedTestsTests {

  private static final String FIXTURES = "real/surefire-crashed-fork/";

  private static final String POLICY =
      """
      version: 1
      promotion:
        path: [dev, staging]
      sources:
        unit:
          junit: ["**/TEST-*.xml"]
          surefire-traces: ["**/*.dump", "**/*.dumpstream", "**/failsafe-summary.xml"]
      lanes:
        default:
          stages:
            dev:
              require: [unit]
              conditions:
                - { layer: unit, max-failures: 0 }
            staging:
              require: [unit]
              conditions:
                - { layer: unit, max-failures: 0 }
                - { layer: unit, max-vanished-tests: 0 }
      """;

  @TempDir Path work;

  @Test
  void with_no_build_promoted_yet_the_condition_reports_no_baseline_and_does_not_fail()
      throws Exception {
    Path root = results("crashed-exit", "b1");

    String console = ConsoleCapture.capture(() -> assertThat(gate(root, "b1")).isZero());

    assertThat(console)
        .contains("unit.max-vanished-tests")
        .contains("no-baseline")
        .contains("no build was promoted to the stage yet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"crashed-exit", "crashed-exit-fork-per-class"})
  void a_crashed_fork_after_a_promoted_baseline_blocks_naming_every_vanished_test(String run)
      throws Exception {
    promoteBaseline();
    Path root = results(run, "b2");

    String console = ConsoleCapture.capture(() -> assertThat(gate(root, "b2")).isEqualTo(1));

    List<String> vanished = expected(run).vanished();
    assertThat(vanished).isNotEmpty();
    assertThat(console)
        .contains("unit.max-vanished-tests")
        .contains(vanished.size() + " test(s) that build b1")
        .contains("BLOCK");
    for (String test : vanished) {
      assertThat(console).contains("    - " + test + "\n");
    }
    JsonNode condition = condition(work.resolve("out-b2/decision.json"));
    assertThat(condition.path("verdict").asText()).isEqualTo("fail");
    assertThat(condition.path("actual").asText()).isEqualTo(String.valueOf(vanished.size()));
    List<String> named = new ArrayList<>();
    condition.path("items").forEach(t -> named.add(t.asText()));
    assertThat(named).containsExactlyInAnyOrderElementsOf(vanished);
    assertThat(Files.readString(work.resolve("out-b2/decision.md"))).contains(vanished.get(0));
  }

  @Test
  void a_fork_that_ran_out_of_memory_is_refused_naming_its_dump_and_the_vanished_tests()
      throws Exception {
    promoteBaseline();
    Path root = results("crashed-oom", "b2");

    String console = ConsoleCapture.capture(() -> assertThat(gate(root, "b2")).isEqualTo(2));

    assertThat(console)
        .contains(root.resolve("2026-12-02T00-58-07_173-jvmRun1.dump").toString())
        .contains("java.lang.OutOfMemoryError: Java heap space")
        .contains("INCOMPLETE");
    for (String test : expected("crashed-oom").vanished()) {
      assertThat(console).contains("    - " + test + "\n");
    }
  }

  @Test
  void the_same_run_without_the_crash_promotes_after_the_baseline() throws Exception {
    promoteBaseline();
    Path root = results("baseline", "b2");

    String console = ConsoleCapture.capture(() -> assertThat(gate(root, "b2")).isZero());

    assertThat(condition(work.resolve("out-b2/decision.json")).path("actual").asText())
        .isEqualTo("0");
    assertThat(console).contains("PROMOTE");
  }

  @Test
  void a_kept_list_of_tests_that_was_altered_is_incomplete_naming_it() throws Exception {
    promoteBaseline();
    Path kept;
    try (Stream<Path> files = Files.list(work.resolve("history.tests"))) {
      kept = files.filter(f -> f.toString().endsWith(".tsv.gz")).findFirst().orElseThrow();
    }
    Files.write(kept, new byte[] {0x1f, (byte) 0x8b, 0});
    Path root = results("baseline", "b2");

    String console = ConsoleCapture.capture(() -> assertThat(gate(root, "b2")).isEqualTo(2));

    assertThat(console).contains(kept + " was altered since the gate wrote it");
  }

  /** Gates and promotes the run without the crash, as build b1, to dev then staging. */
  private void promoteBaseline() throws Exception {
    Path root = results("baseline", "b1");
    String console =
        ConsoleCapture.capture(
            () -> {
              for (String stage : List.of("dev", "staging")) {
                assertThat(gate(root, "b1", stage)).isZero();
                assertThat(promote(stage, "b1")).isZero();
              }
            });
    assertThat(console).contains("Promoted");
  }

  /** A result root holding the surefire-reports of {@code run}, stamped for {@code buildId}. */
  private Path results(String run, String buildId) throws IOException {
    Path root = Files.createDirectories(work.resolve("results-" + buildId + "-" + run));
    Path from = BuildTree.resource(FIXTURES + run + "/surefire-reports");
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, root.resolve(file.getFileName()));
      }
    }
    runs().stamp(root, buildId);
    return root;
  }

  private int gate(Path root, String buildId) throws IOException {
    return gate(root, buildId, "staging");
  }

  private int gate(Path root, String buildId, String stage) throws IOException {
    return runs().gate(stage, root, buildId);
  }

  private int promote(String stage, String buildId) throws IOException {
    return runs().promote(stage, buildId, work);
  }

  /** The commands with this test's policy, written on first use. */
  private GateRuns runs() throws IOException {
    Path policy = work.resolve("quality-gate.yml");
    if (!Files.exists(policy)) {
      Files.writeString(policy, POLICY);
    }
    return new GateRuns(policy, work);
  }

  private static JsonNode condition(Path decisionJson) throws IOException {
    for (JsonNode condition :
        new ObjectMapper().readTree(decisionJson.toFile()).path("conditions")) {
      if (condition.path("id").asText().equals("unit.max-vanished-tests")) {
        return condition;
      }
    }
    throw new AssertionError("no unit.max-vanished-tests in " + decisionJson);
  }

  /** The fixture's expected.properties, made from the runner's own output. */
  private record Expected(Properties properties) {
    List<String> vanished() {
      return Arrays.stream(properties.getProperty("vanished.executed.tests", "").split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .toList();
    }
  }

  private static Expected expected(String run) {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(BuildTree.resource(FIXTURES + run + "/expected.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Expected(properties);
  }
}
