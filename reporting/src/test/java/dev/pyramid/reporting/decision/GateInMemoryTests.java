package dev.pyramid.reporting.decision;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.evidence;
import static dev.pyramid.reporting.InMemory.layer;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.decision.DecisionAssert.assertThat;
import static dev.pyramid.reporting.results.Layer.CONTRACT;
import static dev.pyramid.reporting.results.Layer.E2E;
import static dev.pyramid.reporting.results.Layer.UNIT;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.quarantine.Quarantine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate over evidence and policies built in memory: its verdicts without a file on disk. */
@UnitTest
class GateInMemoryTests {

  @Test
  void promotes_when_every_blocking_condition_passes() {
    Decision decision =
        decide(
            policy(
                List.of(UNIT),
                condition("{ layer: unit, min-tests: 3 }"),
                condition("{ layer: unit, max-failures: 0 }")),
            evidence(layer(UNIT).passed(3)));

    assertThat(decision)
        .isPromoted()
        .hasCondition("unit.min-tests", Verdict.PASS)
        .hasActual("unit.min-tests", "3");
  }

  @Test
  void a_failed_blocking_condition_blocks_and_fails_its_layer() {
    Decision decision =
        decide(
            policy(List.of(UNIT), condition("{ layer: unit, max-failures: 0 }")),
            evidence(layer(UNIT).passed(3).failed(1).errored(1)));

    assertThat(decision)
        .isBlocked()
        .hasFailedCondition("unit.max-failures")
        .hasActual("unit.max-failures", "2")
        .hasLayer(UNIT, Verdict.FAIL);
  }

  @Test
  void a_required_layer_without_executed_tests_is_incomplete_never_promoted() {
    Decision decision =
        decide(
            policy(List.of(UNIT, E2E), condition("{ layer: unit, min-tests: 1 }")),
            evidence(layer(UNIT).passed(2), layer(E2E).skipped(4)));

    assertThat(decision).isIncomplete().hasLayer(E2E, Verdict.MISSING);
  }

  @Test
  void an_unreadable_file_makes_its_conditions_unreadable_and_the_decision_incomplete() {
    Decision decision =
        decide(
            policy(List.of(UNIT), condition("{ layer: unit, max-failures: 0 }")),
            evidence(layer(UNIT).passed(5).unreadable("truncated")));

    assertThat(decision)
        .isIncomplete()
        .hasCondition("unit.max-failures", Verdict.UNREADABLE)
        .hasActual("unit.max-failures", "n/a");
  }

  @Test
  void a_failed_weighted_condition_below_pass_and_above_warn_needs_manual_approval() {
    Decision decision =
        decide(
            policy(
                new Policy.Score(80, 40),
                List.of(UNIT),
                condition("{ layer: unit, max-flaky: 0, blocking: false, weight: 1 }"),
                condition("{ layer: unit, min-tests: 1, blocking: false, weight: 1 }")),
            evidence(layer(UNIT).passed(3).flaky(1)));

    assertThat(decision).needsManualApproval().hasFailedCondition("unit.max-flaky");
  }

  @Test
  void a_valid_quarantine_entry_keeps_its_failure_from_blocking_and_an_expired_one_does_not() {
    Policy policy = policy(List.of(UNIT), condition("{ layer: unit, max-failures: 0 }"));
    String failing = "in.memory.unitTests#failed_1";
    Quarantine valid =
        new Quarantine(
            Path.of("quarantine.yml"),
            List.of(
                new Quarantine.Entry(
                    failing, "team-a", "flaky clock", LocalDate.now().plusDays(1), 1)),
            List.of());
    Quarantine expired =
        new Quarantine(
            Path.of("quarantine.yml"),
            List.of(
                new Quarantine.Entry(
                    failing, "team-a", "flaky clock", LocalDate.now().minusDays(1), 1)),
            List.of());

    assertThat(decide(policy, evidence(layer(UNIT).passed(1).failed(1)), valid)).isPromoted();
    assertThat(decide(policy, evidence(layer(UNIT).passed(1).failed(1)), expired))
        .isBlocked()
        .hasFailedCondition("unit.max-failures");
  }

  @Test
  void the_pyramid_shape_compares_executed_tests_across_layers() {
    Decision decision =
        decide(
            policy(List.of(UNIT, CONTRACT, E2E), condition("{ pyramid-shape: true }")),
            evidence(layer(UNIT).passed(2), layer(CONTRACT).passed(3), layer(E2E).passed(1)));

    assertThat(decision)
        .isBlocked()
        .hasFailedCondition("shape.pyramid-shape")
        .hasActual("shape.pyramid-shape", "unit 2, contract 3, e2e 1");
  }
}
