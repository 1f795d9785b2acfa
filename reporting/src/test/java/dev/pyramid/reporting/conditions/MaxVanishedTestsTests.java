package dev.pyramid.reporting.conditions;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.evidence;
import static dev.pyramid.reporting.InMemory.layer;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.decision.DecisionAssert.assertThat;
import static dev.pyramid.reporting.results.Layer.E2E;
import static dev.pyramid.reporting.results.Layer.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.internal.files.Sha256;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.BaselineTests;
import dev.pyramid.reporting.results.ExecutedTests;
import dev.pyramid.reporting.results.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code max-vanished-tests}: the tests the baseline executed of which this build has no result.
 * In-memory test ids are {@code in.memory.<layer>Tests#<status>_<index>}.
 */
@UnitTest
class MaxVanishedTestsTests {

  private static final String UNIT_TESTS = "in.memory.unitTests#";

  @TempDir Path dir;

  private final Policy policy =
      policy(List.of(UNIT), condition("{ layer: unit, max-vanished-tests: 1 }"));

  @Nested
  class AgainstABaseline {

    @Test
    void blocks_naming_each_test_the_baseline_ran_and_this_build_did_not() throws IOException {
      Baseline baseline =
          baseline(Map.of(UNIT, ids("passed_0", "passed_1", "passed_2", "passed_3")));

      Decision decision = decide(policy, evidence(layer(UNIT).passed(2)), baseline);

      assertThat(decision).isBlocked().hasActual("unit.max-vanished-tests", "2");
      ConditionResult vanished = decision.conditions().get(0);
      assertThat(vanished.items())
          .containsExactly(UNIT_TESTS + "passed_2", UNIT_TESTS + "passed_3");
      assertThat(vanished.note())
          .contains("build b1 (commit c0ffee, the last promoted to production)");
      assertThat(vanished.category()).isEqualTo(Category.INFRASTRUCTURE);
    }

    @Test
    void passes_at_the_bound() throws IOException {
      Baseline baseline = baseline(Map.of(UNIT, ids("passed_0", "passed_1", "passed_2")));

      Decision decision = decide(policy, evidence(layer(UNIT).passed(2)), baseline);

      assertThat(decision).isPromoted().hasCondition("unit.max-vanished-tests", Verdict.PASS);
      assertThat(decision.conditions().get(0).items()).containsExactly(UNIT_TESTS + "passed_2");
    }

    @Test
    void a_test_that_fails_or_is_skipped_now_has_a_result_and_has_not_vanished()
        throws IOException {
      Baseline baseline =
          baseline(Map.of(UNIT, ids("passed_0", "failed_1", "skipped_2", "passed_3")));

      Decision decision =
          decide(
              policy(List.of(UNIT), condition("{ layer: unit, max-vanished-tests: 0 }")),
              evidence(layer(UNIT).passed(1).failed(1).skipped(1).passed(1)),
              baseline);

      assertThat(decision).hasActual("unit.max-vanished-tests", "0");
    }

    @Test
    void a_test_retired_in_quarantine_yml_does_not_count_while_its_entry_is_valid()
        throws IOException {
      Baseline baseline = baseline(Map.of(UNIT, ids("passed_0", "passed_1", "passed_2")));
      String retired = UNIT_TESTS + "passed_2";
      Policy strict = policy(List.of(UNIT), condition("{ layer: unit, max-vanished-tests: 0 }"));

      Decision valid =
          decide(
              strict,
              evidence(layer(UNIT).passed(2)),
              retiring(retired, LocalDate.now()),
              Optional.of(baseline));
      Decision expired =
          decide(
              strict,
              evidence(layer(UNIT).passed(2)),
              retiring(retired, LocalDate.now().minusDays(1)),
              Optional.of(baseline));

      assertThat(valid).isPromoted().hasActual("unit.max-vanished-tests", "0");
      assertThat(valid.conditions().get(0).note())
          .isEqualTo("1 more retired in quarantine.yml, not counted");
      assertThat(expired).isBlocked().hasActual("unit.max-vanished-tests", "1");
      assertThat(expired.conditions().get(0).items()).containsExactly(retired);
    }

    @Test
    void only_the_layer_of_the_condition_is_compared() throws IOException {
      Baseline baseline =
          baseline(
              Map.of(
                  UNIT, ids("passed_0"),
                  E2E, Set.of("in.memory.e2eTests#passed_0", "in.memory.e2eTests#passed_1")));

      Decision decision = decide(policy, evidence(layer(UNIT).passed(1)), baseline);

      assertThat(decision).isPromoted().hasActual("unit.max-vanished-tests", "0");
    }
  }

  @Nested
  class WithoutABaseline {

    @Test
    void no_build_promoted_yet_is_no_baseline_which_does_not_fail() {
      Decision decision = decide(policy, evidence(layer(UNIT).passed(2)));

      assertThat(decision)
          .isPromoted()
          .hasCondition("unit.max-vanished-tests", Verdict.NO_BASELINE);
      assertThat(decision.conditions().get(0).note())
          .contains("no build was promoted to the stage yet");
    }

    @Test
    void a_baseline_promoted_before_tests_were_kept_is_no_baseline_naming_it() {
      Baseline baseline =
          new Baseline("production", "c0ffee", "b0", Map.of(), BaselineTests.NOT_RECORDED);

      Decision decision = decide(policy, evidence(layer(UNIT).passed(2)), baseline);

      assertThat(decision)
          .isPromoted()
          .hasCondition("unit.max-vanished-tests", Verdict.NO_BASELINE);
      assertThat(decision.conditions().get(0).note()).contains("build b0 (the baseline)");
    }

    @Test
    void kept_tests_that_are_missing_make_the_decision_incomplete_naming_the_file() {
      Path gone = dir.resolve("gone.tsv.gz");
      Baseline baseline =
          new Baseline(
              "production", "c0ffee", "b1", Map.of(), BaselineTests.in(gone, "0".repeat(64)));

      Decision decision = decide(policy, evidence(layer(UNIT).passed(2)), baseline);

      assertThat(decision)
          .isIncomplete()
          .hasCondition("unit.max-vanished-tests", Verdict.UNREADABLE);
      assertThat(decision.conditions().get(0).note()).contains(gone + " is missing");
    }

    @Test
    void kept_tests_that_were_altered_make_the_decision_incomplete_naming_the_file()
        throws IOException {
      byte[] written = new ExecutedTests(Map.of(UNIT, ids("passed_0"))).encode();
      Path file = Files.write(dir.resolve("kept.tsv.gz"), written);
      Files.write(file, new ExecutedTests(Map.of(UNIT, ids("passed_9"))).encode());
      Baseline baseline =
          new Baseline(
              "production", "c0ffee", "b1", Map.of(), BaselineTests.in(file, Sha256.of(written)));

      Decision decision = decide(policy, evidence(layer(UNIT).passed(2)), baseline);

      assertThat(decision)
          .isIncomplete()
          .hasCondition("unit.max-vanished-tests", Verdict.UNREADABLE);
      assertThat(decision.conditions().get(0).note()).contains(file + " was altered");
    }
  }

  @Test
  void a_layer_without_results_is_missing_whatever_the_baseline() throws IOException {
    Baseline baseline = baseline(Map.of(UNIT, ids("passed_0")));

    Decision decision = decide(policy, evidence(), baseline);

    assertThat(decision).isIncomplete().hasCondition("unit.max-vanished-tests", Verdict.MISSING);
  }

  private Baseline baseline(Map<Layer, Set<String>> ids) throws IOException {
    byte[] bytes = new ExecutedTests(ids).encode();
    Path file = Files.write(dir.resolve("baseline.tsv.gz"), bytes);
    return new Baseline(
        "production", "c0ffee", "b1", Map.of(), BaselineTests.in(file, Sha256.of(bytes)));
  }

  private static Quarantine retiring(String test, LocalDate expires) {
    return new Quarantine(
        Path.of("quarantine.yml"),
        List.of(),
        List.of(new Quarantine.Entry(test, "team-a", "renamed", expires, 2)));
  }

  private static Set<String> ids(String... names) {
    return java.util.Arrays.stream(names)
        .map(name -> UNIT_TESTS + name)
        .collect(java.util.stream.Collectors.toSet());
  }
}
