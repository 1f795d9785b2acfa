package dev.pyramid.reporting.history;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.evidence;
import static dev.pyramid.reporting.InMemory.layer;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.results.Layer.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.Outcome;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.ExecutedTests;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of the builds that may become a baseline, kept beside the history: written for
 * decisions a promotion may follow, read for the baseline, and pruned to what a comparison can
 * still need.
 */
@UnitTest
class ExecutedTestsStoreTests {

  @TempDir Path dir;

  private History history() {
    return new History(dir.resolve("history.jsonl"));
  }

  @Test
  void a_promotable_decision_keeps_its_tests_and_names_them_in_its_line() throws Exception {
    History history = history();

    history.record(build("b1", 5, 0), Instant.now());

    JsonNode line = history.read().get(0);
    assertThat(line.path("verdict").asText()).isEqualTo("PROMOTE");
    Path kept =
        history.executedTests().folder().resolve(line.path("executedTests").asText() + ".tsv.gz");
    assertThat(history.executedTests().folder()).isEqualTo(dir.resolve("history.tests"));
    assertThat(ExecutedTests.decode(kept.toString(), Files.readAllBytes(kept)).of(UNIT)).hasSize(5);
  }

  @Test
  void a_level_run_keeps_nothing() throws Exception {
    History history = history();

    history.record(withLevel(build("b2", 5, 0)), Instant.now());

    assertThat(history.read()).noneMatch(line -> line.has("executedTests"));
    assertThat(Files.exists(history.executedTests().folder())).isFalse();
  }

  @Test
  void a_blocked_decision_keeps_its_tests_for_flip_rates_but_never_becomes_a_baseline()
      throws Exception {
    History history = history();
    Instant now = Instant.now();
    Decision blocked = build("b1", 5, 1);
    history.record(build("b1", 3, 0), now);
    history.append(History.promotionLine("production", "default", id("b1"), null, now));

    history.record(blocked, now);

    assertThat(blocked.outcome()).isEqualTo(Outcome.BLOCK);
    JsonNode line = history.read().get(2);
    assertThat(line.path("executedTests").asText()).matches("[0-9a-f]{64}");
    assertThat(line.path("failedTests").path("unit")).hasSize(1);
    Baseline baseline = history.baseline(history.read(), "production").orElseThrow();
    assertThat(baseline.tests().read().orElseThrow().of(UNIT)).hasSize(3);
  }

  @Test
  void builds_that_ran_the_same_tests_share_one_file() throws Exception {
    History history = history();

    history.record(build("b1", 5, 0), Instant.now());
    history.record(build("b2", 5, 0), Instant.now());

    assertThat(files()).hasSize(1);
  }

  @Test
  void the_baseline_reads_the_tests_of_the_last_build_promoted_to_the_stage() throws Exception {
    History history = history();
    history.record(build("b1", 3, 0), Instant.now());
    history.append(History.promotionLine("production", "default", id("b1"), null, Instant.now()));
    history.record(build("b2", 7, 0), Instant.now());

    Baseline baseline = history.baseline(history.read(), "production").orElseThrow();

    assertThat(baseline.buildId()).isEqualTo("b1");
    assertThat(baseline.tests().read().orElseThrow().of(UNIT)).hasSize(3);
  }

  @Test
  void a_baseline_promoted_before_tests_were_kept_has_none_recorded() throws Exception {
    History history = history();
    history.append(History.decisionLine(build("b1", 3, 0), Instant.now()));
    history.append(History.promotionLine("production", "default", id("b1"), null, Instant.now()));

    Baseline baseline = history.baseline(history.read(), "production").orElseThrow();

    assertThat(baseline.tests().read()).isEmpty();
    assertThat(baseline.tests().file()).isEmpty();
  }

  @Test
  void a_line_naming_its_tests_by_what_is_not_a_digest_is_refused() throws Exception {
    History history = history();
    var line = History.decisionLine(build("b1", 3, 0), Instant.now());
    line.put("executedTests", "../../etc/passwd");
    history.append(line);
    history.append(History.promotionLine("production", "default", id("b1"), null, Instant.now()));

    assertThatThrownBy(() -> history.baseline(history.read(), "production"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a SHA-256 digest");
  }

  @Test
  void pruning_keeps_the_baseline_what_a_rollback_returns_to_and_what_may_be_promoted()
      throws Exception {
    History history = history();
    Instant start = Instant.now();
    history.record(build("b1", 3, 0), start);
    history.append(History.promotionLine("production", "default", id("b1"), null, start));
    history.record(build("b2", 4, 0), start);
    history.record(build("b3", 5, 0), start);
    history.append(History.promotionLine("production", "default", id("b3"), null, start));
    Path b1 = kept(history, "b1");
    Path b2 = kept(history, "b2");
    Path b3 = kept(history, "b3");
    history.record(build("b4", 6, 0), start);
    Path b4 = kept(history, "b4");
    assertThat(files()).containsExactlyInAnyOrder(b1, b2, b3, b4);
    ageAll();

    List<Path> deleted =
        history.executedTests().prune(history.read(), start.plus(Duration.ofMinutes(1)), 0);

    // b2 was a candidate until b3 was promoted; b1 stays for a rollback; b4 may still be promoted.
    assertThat(deleted).containsExactly(b2);
    assertThat(files()).containsExactlyInAnyOrder(b1, b3, b4);
  }

  @Test
  void pruning_keeps_the_tests_of_the_latest_decisions_for_flip_rates() throws Exception {
    History history = history();
    Instant start = Instant.now();
    history.record(build("b1", 3, 1), start);
    history.record(build("b2", 4, 1), start);
    history.record(build("b3", 5, 1), start);
    Path b1 = kept(history, "b1");
    Path b2 = kept(history, "b2");
    Path b3 = kept(history, "b3");
    ageAll();

    List<Path> deleted =
        history.executedTests().prune(history.read(), start.plus(Duration.ofMinutes(1)), 2);

    assertThat(deleted).containsExactly(b1);
    assertThat(files()).containsExactlyInAnyOrder(b2, b3);
  }

  @Test
  void after_a_rollback_the_baseline_is_the_build_the_stage_runs_again() throws Exception {
    History history = history();
    Instant now = Instant.now();
    history.record(build("b1", 3, 0), now);
    history.append(History.promotionLine("production", "default", id("b1"), null, now));
    history.record(build("b2", 7, 0), now);
    history.append(History.promotionLine("production", "default", id("b2"), null, now));
    ageAll();
    history.executedTests().prune(history.read(), now);

    history.append(History.rollbackLine("production", id("b2"), id("b1"), "ops", now));
    Baseline baseline = history.baseline(history.read(), "production").orElseThrow();

    assertThat(History.ranAt(history.read(), "production")).containsExactly(id("b1"));
    assertThat(baseline.buildId()).isEqualTo("b1");
    assertThat(baseline.tests().read().orElseThrow().of(UNIT)).hasSize(3);
  }

  @Test
  void pruning_leaves_a_file_another_gate_may_be_recording() throws Exception {
    History history = history();
    Instant now = Instant.now();
    history.record(build("b1", 3, 0), now);
    Path unreferenced = history.executedTests().folder().resolve("f".repeat(64) + ".tsv.gz");
    Files.write(unreferenced, new byte[] {1});

    assertThat(history.executedTests().prune(history.read(), now)).isEmpty();

    ageAll();
    assertThat(history.executedTests().prune(history.read(), now)).containsExactly(unreferenced);
  }

  /** The kept file a decision line of {@code buildId} names. */
  private static Path kept(History history, String buildId) throws IOException {
    String digest =
        history.read().stream()
            .filter(l -> l.path("buildId").asText().equals(buildId) && l.has("executedTests"))
            .reduce((first, second) -> second)
            .orElseThrow()
            .path("executedTests")
            .asText();
    return history.executedTests().folder().resolve(digest + ".tsv.gz");
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("history.tests"))) {
      return files.toList();
    }
  }

  /** Makes every kept file older than a gate run in flight. */
  private void ageAll() throws IOException {
    FileTime old = FileTime.from(Instant.now().minus(ExecutedTestsStore.IN_FLIGHT.multipliedBy(2)));
    for (Path file : files()) {
      Files.setLastModifiedTime(file, old);
    }
  }

  /** The production decision for build {@code buildId} of a unit layer with these tests. */
  private static Decision build(String buildId, int passed, int failed) {
    Decision decision =
        decide(
            policy(List.of(UNIT), condition("{ layer: unit, max-failures: 0 }")),
            evidence(layer(UNIT).passed(passed).failed(failed)));
    return new Decision(
        decision.stage(),
        decision.lane(),
        id(buildId),
        decision.level(),
        decision.outcome(),
        decision.layers(),
        decision.conditions(),
        decision.score(),
        decision.roots(),
        decision.problems(),
        decision.quarantined(),
        decision.baseline(),
        decision.endpoints());
  }

  private static Decision withLevel(Decision decision) {
    return new Decision(
        decision.stage(),
        decision.lane(),
        decision.build(),
        List.of(Layer.UNIT),
        Outcome.LAYERS_PASS,
        decision.layers(),
        decision.conditions(),
        decision.score(),
        decision.roots(),
        decision.problems(),
        decision.quarantined(),
        decision.baseline(),
        decision.endpoints());
  }

  private static BuildIdentity id(String buildId) {
    return new BuildIdentity("c0ffee", buildId);
  }
}
