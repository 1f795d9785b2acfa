package dev.pyramid.reporting.conditions;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.evidence;
import static dev.pyramid.reporting.InMemory.layer;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.decision.DecisionAssert.assertThat;
import static dev.pyramid.reporting.results.Layer.E2E;
import static dev.pyramid.reporting.results.Layer.PERF;
import static dev.pyramid.reporting.results.Layer.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.InMemory;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code max-skipped}: at most N skipped tests in a layer, so that disabling tests is no way to a
 * green build.
 */
@UnitTest
class MaxSkippedTests {

  @TempDir Path dir;

  @Test
  void should_block_when_a_layer_skips_more_tests_than_allowed() {
    Decision decision =
        decide(
            policy(List.of(E2E), condition("{ layer: e2e, max-skipped: 1 }")),
            evidence(layer(E2E).passed(5).skipped(2)));

    assertThat(decision)
        .isBlocked()
        .hasFailedCondition("e2e.max-skipped")
        .hasActual("e2e.max-skipped", "2");
    assertThat(decision.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.expected()).isEqualTo("<= 1");
              assertThat(c.category()).isEqualTo(Category.TEST_DEFECT);
            });
  }

  @Test
  void should_pass_at_the_bound() {
    Decision decision =
        decide(
            policy(List.of(E2E), condition("{ layer: e2e, max-skipped: 2 }")),
            evidence(layer(E2E).passed(5).skipped(2).failed(0)));

    assertThat(decision).isPromoted().hasCondition("e2e.max-skipped", Verdict.PASS);
  }

  @Test
  void should_not_pass_a_layer_whose_every_test_was_skipped() {
    Decision decision =
        decide(
            policy(List.of(UNIT), condition("{ layer: unit, max-skipped: 10 }")),
            evidence(layer(UNIT).skipped(3)));

    assertThat(decision).isIncomplete().hasCondition("unit.max-skipped", Verdict.MISSING);
  }

  @Test
  void should_read_the_policy_with_a_layer_and_a_count() throws Exception {
    Condition read =
        readCondition("{ layer: e2e, max-skipped: 0, blocking: false, weight: 2 }").get(0);

    assertThat(read.kind().key()).isEqualTo("max-skipped");
    assertThat(read.id()).isEqualTo("e2e.max-skipped");
    assertThat(read.threshold()).isEqualTo(Threshold.absolute("<=", 0));
    assertThat(read.blocking()).isFalse();
  }

  @Test
  void should_refuse_a_condition_without_a_layer_a_negative_count_or_the_perf_layer() {
    assertThatThrownBy(() -> readCondition("{ max-skipped: 0 }"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(":10")
        .hasMessageContaining("max-skipped needs a layer: add layer: unit|contract|e2e");
    assertThatThrownBy(() -> readCondition("{ layer: e2e, max-skipped: -1 }"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(":10")
        .hasMessageContaining("must be 0 or more, is -1");
    assertThatThrownBy(() -> readCondition("{ layer: perf, max-skipped: 0 }"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("max-skipped does not apply to the " + PERF + " layer");
  }

  private List<Condition> readCondition(String yaml) throws Exception {
    return new PolicyReader()
        .read(InMemory.policyFile(dir, yaml))
        .lane("default")
        .orElseThrow()
        .stage("production")
        .orElseThrow()
        .conditions();
  }
}
