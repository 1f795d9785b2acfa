package dev.pyramid.reporting.conditions;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.decision.DecisionAssert.assertThat;
import static dev.pyramid.reporting.results.Layer.CONTRACT;
import static dev.pyramid.reporting.results.Layer.E2E;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.Endpoints;
import dev.pyramid.reporting.InMemory;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.Problem;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code min-endpoint-coverage}: the share of documented operations a layer's tests exercised, so
 * that an endpoint no test of the layer calls is seen before it ships.
 */
@UnitTest
class EndpointCoverageTests {

  @TempDir Path dir;

  private static Endpoints platform() {
    return new Endpoints()
        .document("fleet-core", "GET /health", "GET /v1/rides/{id}", "POST /v1/rides")
        .document("api-gateway", "GET /v2/rides/{id}", "POST /v2/rides");
  }

  private static ConditionResult only(Decision decision) {
    assertThat(decision.conditions()).hasSize(1);
    return decision.conditions().get(0);
  }

  @Test
  void should_block_when_the_layer_exercised_fewer_operations_than_required() {
    Evidence evidence =
        platform()
            .recorded(
                CONTRACT, "fleet-core GET /v1/rides/{id} 2xx 1", "fleet-core POST /v1/rides 2xx 1")
            .evidence();

    Decision decision =
        decide(
            policy(List.of(CONTRACT), condition("{ layer: contract, min-endpoint-coverage: 60 }")),
            evidence);

    assertThat(decision)
        .isBlocked()
        .hasFailedCondition("contract.min-endpoint-coverage")
        .hasActual("contract.min-endpoint-coverage", "40% (2 of 5 operations)");
    ConditionResult result = only(decision);
    assertThat(result.expected()).isEqualTo(">= 60%");
    assertThat(result.category()).isEqualTo(Category.TEST_DEFECT);
    assertThat(result.items())
        .containsExactly(
            "fleet-core GET /health",
            "api-gateway GET /v2/rides/{id}",
            "api-gateway POST /v2/rides");
    assertThat(result.evidence())
        .contains(Path.of("contract-tests/target/pyramid/endpoints/contract-1.jsonl"));
  }

  @Test
  void should_judge_one_services_document_with_the_option_service() {
    Evidence evidence =
        platform()
            .recorded(
                CONTRACT, "fleet-core GET /v1/rides/{id} 2xx 1", "fleet-core POST /v1/rides 4xx 1")
            .evidence();

    Decision decision =
        decide(
            policy(
                List.of(CONTRACT),
                condition("{ layer: contract, min-endpoint-coverage: 60, service: fleet-core }")),
            evidence);

    assertThat(decision)
        .isPromoted()
        .hasCondition("contract.min-endpoint-coverage[fleet-core]", Verdict.PASS)
        .hasActual("contract.min-endpoint-coverage[fleet-core]", "66.67% (2 of 3 operations)");
  }

  @Test
  void should_not_count_requests_that_matched_no_operation_and_say_so() {
    Evidence evidence =
        platform()
            .recorded(
                E2E, "fleet-core ! GET /v9/rides no-path 4xx 2", "api-gateway POST /v2/rides 2xx 1")
            .evidence();

    ConditionResult result =
        only(
            decide(
                policy(List.of(E2E), condition("{ layer: e2e, min-endpoint-coverage: 20 }")),
                evidence));

    assertThat(result.actual()).isEqualTo("20% (1 of 5 operations)");
    assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    assertThat(result.note()).contains("fleet-core: 1 request(s) matched no operation");
  }

  @Test
  void should_miss_evidence_when_the_layer_recorded_no_exchange() {
    Evidence evidence = platform().recorded(E2E, "fleet-core GET /health 2xx 1").evidence();

    Decision decision =
        decide(
            policy(
                List.of(CONTRACT, E2E), condition("{ layer: contract, min-endpoint-coverage: 1 }")),
            addTests(evidence, CONTRACT));

    assertThat(decision)
        .isIncomplete()
        .hasCondition("contract.min-endpoint-coverage", Verdict.MISSING);
    assertThat(only(decision).note()).contains("sources.contract.endpoints");
  }

  @Test
  void should_miss_evidence_when_no_document_of_the_service_was_read() {
    Evidence evidence = platform().recorded(E2E, "fleet-core GET /health 2xx 1").evidence();

    ConditionResult result =
        only(
            decide(
                policy(
                    List.of(E2E),
                    condition("{ layer: e2e, min-endpoint-coverage: 50, service: billing }")),
                evidence));

    assertThat(result.verdict()).isEqualTo(Verdict.MISSING);
    assertThat(result.note())
        .isEqualTo(
            "no OpenAPI document of service billing was read; documents read: [fleet-core, api-gateway]");
  }

  @Test
  void should_not_judge_a_layer_whose_files_could_not_be_read() {
    Evidence evidence = platform().recorded(E2E, "fleet-core GET /health 2xx 1").evidence();
    Map<Layer, LayerEvidence> layers = new EnumMap<>(evidence.layers());
    layers.put(
        E2E,
        evidence
            .of(E2E)
            .withProblems(List.of(new Problem(Path.of("e2e-9.jsonl"), "line 2: not valid JSON"))));

    Decision decision =
        decide(
            policy(List.of(E2E), condition("{ layer: e2e, min-endpoint-coverage: 0 }")),
            new Evidence(evidence.roots(), layers));

    assertThat(decision)
        .isIncomplete()
        .hasCondition("e2e.min-endpoint-coverage", Verdict.UNREADABLE);
  }

  @Test
  void should_read_the_policy_and_refuse_a_percentage_written_with_its_sign() throws Exception {
    Condition read =
        readCondition("{ layer: e2e, min-endpoint-coverage: 60, blocking: false, weight: 2 }");
    assertThat(read.id()).isEqualTo("e2e.min-endpoint-coverage");
    assertThat(read.threshold()).isEqualTo(Threshold.absolute(">=", 60));

    assertThatThrownBy(() -> readCondition("{ layer: e2e, min-endpoint-coverage: \"60%\" }"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:10")
        .hasMessageContaining("write the percentage without %");
    assertThatThrownBy(() -> readCondition("{ layer: e2e, min-endpoint-coverage: 160 }"))
        .hasMessageContaining("policy.yml:10")
        .hasMessageContaining("must be from 0 to 100, is 160");
    assertThatThrownBy(() -> readCondition("{ min-endpoint-coverage: 60 }"))
        .hasMessageContaining("policy.yml:10")
        .hasMessageContaining("min-endpoint-coverage needs a layer");
    assertThatThrownBy(() -> readCondition("{ layer: perf, min-endpoint-coverage: 60 }"))
        .hasMessageContaining("min-endpoint-coverage does not apply to the perf layer");
    assertThatThrownBy(
            () -> readCondition("{ layer: e2e, min-endpoint-coverage: 60, service: [a, b] }"))
        .hasMessageContaining("policy.yml:10")
        .hasMessageContaining("service");
  }

  private static Evidence addTests(Evidence evidence, Layer layer) {
    Map<Layer, LayerEvidence> layers = new EnumMap<>(evidence.layers());
    layers.put(layer, InMemory.evidence(InMemory.layer(layer).passed(1)).of(layer));
    LayerEvidence.Builder merged = new LayerEvidence.Builder(layer);
    merged
        .addSources(layers.get(layer).sources())
        .addTestCases(layers.get(layer).testCases())
        .addApiDocuments(evidence.of(layer).apiDocuments());
    layers.put(layer, merged.build());
    return new Evidence(evidence.roots(), layers);
  }

  private Condition readCondition(String yaml) throws Exception {
    return new PolicyReader()
        .read(InMemory.policyFile(dir, yaml))
        .lane("default")
        .orElseThrow()
        .stage("production")
        .orElseThrow()
        .conditions()
        .get(0);
  }
}
