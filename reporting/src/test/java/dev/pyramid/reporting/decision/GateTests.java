package dev.pyramid.reporting.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.stamp.StampCheck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class GateTests {

  @TempDir Path root;

  private BuildTree tree;
  private Policy policy;

  @BeforeEach
  void readRepositoryPolicy() throws Exception {
    tree = new BuildTree(root);
    policy = new PolicyReader().read(BuildTree.resource(BuildTree.POLICY));
  }

  @Test
  void promotes_when_every_required_layer_passes() throws Exception {
    tree.stagingPasses();

    Decision decision = decide("staging");

    assertThat(decision.outcome()).isEqualTo(Outcome.PROMOTE);
    assertThat(decision.outcome().exitCode()).isZero();
    assertThat(decision.conditions())
        .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void a_failed_test_blocks_with_the_failed_condition_and_its_numbers() throws Exception {
    tree.stagingPasses();
    tree.unit("e2e-tests", BuildTree.REAL_MIXED);

    Decision decision = decide("staging");

    assertThat(decision.outcome()).isEqualTo(Outcome.BLOCK);
    assertThat(decision.outcome().exitCode()).isEqualTo(1);
    assertThat(decision.conditions())
        .filteredOn(c -> c.verdict() == Verdict.FAIL)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo("unit.max-failures");
              assertThat(c.expected()).isEqualTo("<= 0");
              assertThat(c.actual()).isEqualTo("2");
            });
  }

  @Test
  void deleting_the_e2e_results_makes_the_decision_incomplete_with_e2e_missing() throws Exception {
    tree.stagingPasses();
    tree.delete("e2e-tests/target/failsafe-reports");

    Decision decision = decide("staging");

    assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
    assertThat(decision.outcome().exitCode()).isEqualTo(2);
    assertThat(verdictOf(decision, Layer.E2E)).isEqualTo(Verdict.MISSING);
  }

  @Test
  void zero_executed_tests_are_missing_evidence() throws Exception {
    tree.stagingPasses();
    tree.delete("e2e-tests/target/failsafe-reports");
    java.nio.file.Path dir =
        java.nio.file.Files.createDirectories(
            root.resolve("e2e-tests/target/failsafe-reports/e2e"));
    // Hand-made: a Surefire-format report whose only test was skipped.
    java.nio.file.Files.writeString(
        dir.resolve("TEST-hand.made.AllSkippedIT.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="hand.made.AllSkippedIT" tests="1" errors="0" skipped="1" failures="0">
          <testcase name="journey" classname="hand.made.AllSkippedIT" time="0"><skipped message="no platform"/></testcase>
        </testsuite>
        """);

    Decision decision = decide("staging");

    assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
    assertThat(verdictOf(decision, Layer.E2E)).isEqualTo(Verdict.MISSING);
  }

  @Test
  void a_truncated_report_makes_the_decision_incomplete_naming_the_file() throws Exception {
    tree.stagingPasses();
    Path cut =
        tree.truncated(
            BuildTree.REAL_MIXED, root.resolve("framework/target/surefire-reports/unit"), 1500);

    Decision decision = decide("staging");

    assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
    LayerResult unit =
        decision.layers().stream().filter(l -> l.layer() == Layer.UNIT).findFirst().orElseThrow();
    assertThat(unit.verdict()).isEqualTo(Verdict.UNREADABLE);
    assertThat(unit.evidence().problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo(cut));
  }

  @Test
  void a_failed_pact_interaction_blocks() throws Exception {
    tree.unit("framework", BuildTree.REAL_PASSING);
    tree.contract("contract-tests", BuildTree.REAL_PASSING_2);
    tree.pactReport(BuildTree.PACT_FAILED);
    tree.e2e("e2e-tests", BuildTree.REAL_PASSING);

    Decision decision = decide("staging");

    assertThat(decision.outcome()).isEqualTo(Outcome.BLOCK);
    assertThat(decision.conditions())
        .filteredOn(c -> c.verdict() == Verdict.FAIL && c.blocking())
        .extracting(ConditionResult::id)
        .containsExactly("contract.all-interactions-verified");
  }

  @Test
  void contract_tests_without_a_pact_verification_report_are_incomplete() throws Exception {
    tree.unit("framework", BuildTree.REAL_PASSING);
    tree.contract("contract-tests", BuildTree.REAL_PASSING_2);
    tree.e2e("e2e-tests", BuildTree.REAL_PASSING);

    Decision decision = decide("staging");

    assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
    assertThat(verdictOf(decision, Layer.CONTRACT)).isEqualTo(Verdict.MISSING);
  }

  @Test
  void a_failed_gatling_assertion_blocks_production() throws Exception {
    tree.stagingPasses();
    tree.gatlingRun("ridebookingsimulation-20251126131500123");

    Decision decision = decide("production");

    assertThat(decision.outcome()).isEqualTo(Outcome.BLOCK);
    assertThat(decision.conditions())
        .filteredOn(c -> c.id().equals("perf.all-assertions-pass"))
        .singleElement()
        .satisfies(c -> assertThat(c.actual()).isEqualTo("1/2 OK"));
  }

  @Test
  void a_crashed_gatling_run_makes_production_incomplete() throws Exception {
    tree.stagingPasses();
    java.nio.file.Files.createDirectories(
        root.resolve("perf-tests/target/gatling/ridebookingsimulation-20251126131500123"));

    Decision decision = decide("production");

    assertThat(decision.outcome()).isEqualTo(Outcome.INCOMPLETE);
    assertThat(verdictOf(decision, Layer.PERF)).isEqualTo(Verdict.UNREADABLE);
  }

  @Test
  void a_level_run_decides_only_its_layers_and_no_promotion() throws Exception {
    tree.unit("framework", BuildTree.REAL_PASSING);

    Decision decision = decide("staging", List.of(Layer.UNIT));

    assertThat(decision.outcome()).isEqualTo(Outcome.LAYERS_PASS);
    assertThat(decision.outcome().exitCode()).isZero();
    assertThat(decision.isLevelRun()).isTrue();
    assertThat(decision.layers()).extracting(LayerResult::layer).containsExactly(Layer.UNIT);
  }

  @Test
  void a_level_run_with_a_failure_blocks() throws Exception {
    tree.unit("framework", BuildTree.REAL_MIXED);

    Decision decision = decide("staging", List.of(Layer.UNIT));

    assertThat(decision.outcome()).isEqualTo(Outcome.BLOCK);
  }

  @Test
  void a_stage_off_the_promotion_path_is_a_usage_error() {
    assertThatThrownBy(() -> decide("qa"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("stage \"qa\" is not on the promotion path");
  }

  private Decision decide(String stage) throws UsageException {
    return decide(stage, List.of());
  }

  private Decision decide(String stage, List<Layer> level) throws UsageException {
    tree.stamp();
    Evidence evidence = new EvidenceCollector().collect(List.of(root), policy.sources()).evidence();
    return new Gate()
        .decide(
            new Gate.Request(
                evidence,
                List.of(StampCheck.check(root, BuildTree.BUILD)),
                policy,
                Policy.DEFAULT_LANE,
                stage,
                level,
                BuildTree.BUILD,
                Quarantine.NONE,
                Optional.empty(),
                LocalDate.now()));
  }

  private static Verdict verdictOf(Decision decision, Layer layer) {
    return decision.layers().stream()
        .filter(l -> l.layer() == layer)
        .findFirst()
        .orElseThrow()
        .verdict();
  }
}
