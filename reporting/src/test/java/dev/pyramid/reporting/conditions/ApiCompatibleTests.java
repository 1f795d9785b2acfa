package dev.pyramid.reporting.conditions;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.decision.DecisionAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.InMemory;
import dev.pyramid.reporting.apidiff.ApiDocumentReader;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.internal.files.Sha256;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.BaselineTests;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code api-compatible}: this build's OpenAPI documents against those of the build the stage runs,
 * on the api-diff fixture pairs (each pair's old.yaml is what the stage runs, new.yaml the
 * candidate's, copied as one service's document).
 */
@UnitTest
class ApiCompatibleTests {

  @TempDir Path dir;

  private final Policy policy =
      policy(List.of(Layer.CONTRACT), condition("{ api-compatible: true }"));

  @Test
  void a_breaking_change_blocks_naming_the_service_operation_and_change() throws Exception {
    Decision decision = decide(policy, candidate("type-changed"), stageRuns("type-changed"));

    assertThat(decision).isBlocked().hasActual("contract.api-compatible", "3 breaking");
    ConditionResult result = decision.conditions().get(0);
    assertThat(result.items())
        .contains(
            "fleet: GET /v1/rides/{id}, response 200 application/json, fare: type changed"
                + " from integer to string");
    assertThat(result.category()).isEqualTo(Category.CONTRACT);
    assertThat(result.note()).contains("1 service(s) compared with build b1");
  }

  @Test
  void additions_are_compatible() throws Exception {
    Decision decision =
        decide(policy, candidate("optional-additions"), stageRuns("optional-additions"));

    assertThat(decision).isPromoted().hasCondition("contract.api-compatible", Verdict.PASS);
  }

  @Test
  void a_version_moved_to_a_new_one_is_compatible_and_a_removal_before_its_sunset_is_not()
      throws Exception {
    assertThat(decide(policy, candidate("version-added"), stageRuns("version-added"))).isPromoted();
    assertThat(decide(policy, candidate("endpoint-removed"), stageRuns("endpoint-removed")))
        .isBlocked();
  }

  /** Sunset dates the policy gives in place of the documents' x-sunset, as api-diff's --sunset. */
  @Nested
  class PolicySunsetDates {

    /**
     * The stage's document deprecates GET /v1/rides/{id} with no x-sunset; the candidate drops it.
     */
    private static final String DEPRECATED_WITHOUT_DATE = "endpoint-removed-no-sunset";

    @Test
    void a_removal_after_the_policy_s_sunset_date_of_its_version_is_compatible() throws Exception {
      Decision decision = decideWith("{ \"v1\": " + LocalDate.now().minusDays(1) + " }");

      assertThat(decision).isPromoted().hasCondition("contract.api-compatible", Verdict.PASS);
      assertThat(decision.conditions().get(0).note())
          .contains("sunset dates from the policy: {v1=" + LocalDate.now().minusDays(1) + "}");
    }

    @Test
    void a_removal_before_the_policy_s_sunset_date_blocks_naming_the_date() throws Exception {
      LocalDate tomorrow = LocalDate.now().plusDays(1);

      Decision decision = decideWith("{ \"v1\": " + tomorrow + " }");

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "fleet: GET /v1/rides/{id}, operation: removed before its sunset date " + tomorrow);
    }

    @Test
    void an_operation_s_date_wins_over_its_version_s() throws Exception {
      LocalDate tomorrow = LocalDate.now().plusDays(1);

      Decision decision =
          decideWith("{ \"v1\": 2020-01-01, \"GET /v1/rides/{id}\": " + tomorrow + " }");

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .singleElement()
          .asString()
          .endsWith("removed before its sunset date " + tomorrow);
    }

    @Test
    void the_policy_s_date_takes_the_place_of_the_document_s_x_sunset() throws Exception {
      Policy early =
          policy(
              List.of(Layer.CONTRACT),
              condition("{ api-compatible: true, sunset: { \"v1\": 2999-12-31 } }"));

      // The stage's document says x-sunset: 2026-03-31, long past by the policy's reckoning.
      Decision decision =
          decide(
              early,
              candidate("endpoint-removed-after-deprecation"),
              stageRuns("endpoint-removed-after-deprecation"));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .singleElement()
          .asString()
          .endsWith("removed before its sunset date 2999-12-31");
    }

    @Test
    void a_policy_date_does_not_let_an_operation_that_was_never_deprecated_go() throws Exception {
      Policy lenient =
          policy(
              List.of(Layer.CONTRACT),
              condition("{ api-compatible: true, sunset: { \"v1\": 2020-01-01 } }"));

      Decision decision =
          decide(lenient, candidate("endpoint-removed"), stageRuns("endpoint-removed"));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .singleElement()
          .asString()
          .endsWith("removed without being deprecated first");
    }

    private Decision decideWith(String sunsets) throws Exception {
      Policy withSunsets =
          policy(
              List.of(Layer.CONTRACT),
              condition("{ api-compatible: true, sunset: " + sunsets + " }"));
      return decide(
          withSunsets, candidate(DEPRECATED_WITHOUT_DATE), stageRuns(DEPRECATED_WITHOUT_DATE));
    }
  }

  @Test
  void a_service_the_stage_runs_whose_document_is_gone_blocks() throws Exception {
    Path other = copy("optional-additions/new.yaml", "candidate/gateway.yaml");
    Evidence evidence = evidence(other);

    Decision decision = decide(policy, evidence, stageRuns("optional-additions"));

    assertThat(decision).isBlocked();
    assertThat(decision.conditions().get(0).items())
        .containsExactly("fleet: its document is gone, while the stage serves it");
  }

  @Test
  void two_documents_of_one_service_are_refused_naming_both() throws Exception {
    Path one = copy("type-changed/new.yaml", "a/fleet.yaml");
    Path two = copy("type-changed/old.yaml", "b/fleet.yaml");

    Decision decision = decide(policy, evidence(one, two), stageRuns("type-changed"));

    assertThat(decision).isIncomplete().hasCondition("contract.api-compatible", Verdict.UNREADABLE);
    assertThat(decision.conditions().get(0).note())
        .contains("two documents of service fleet: " + one + " and " + two);
  }

  @Test
  void with_no_document_kept_at_the_stage_the_verdict_is_no_baseline() throws Exception {
    Baseline keptNone =
        new Baseline("production", "c0ffee", "b1", Map.of(), BaselineTests.NOT_RECORDED);

    Decision decision = decide(policy, candidate("type-changed"), keptNone);

    assertThat(decision).isPromoted().hasCondition("contract.api-compatible", Verdict.NO_BASELINE);
    assertThat(decision.conditions().get(0).note())
        .contains("production's build c0ffee/b1 kept no API documents (deployed.api)");
  }

  @Test
  void a_build_without_documents_misses_the_evidence() throws Exception {
    Decision decision = decide(policy, evidence(), stageRuns("type-changed"));

    assertThat(decision).isIncomplete().hasCondition("contract.api-compatible", Verdict.MISSING);
  }

  /** The candidate: the pair's new.yaml as the service "fleet". */
  private Evidence candidate(String pair) throws Exception {
    return evidence(copy(pair + "/new.yaml", "candidate/fleet.yaml"));
  }

  /** The build the stage runs, b1, which kept the pair's old.yaml as the service "fleet". */
  private Baseline stageRuns(String pair) throws Exception {
    Path kept = copy(pair + "/old.yaml", "kept/fleet.yaml");
    return new Baseline(
        "production",
        "c0ffee",
        "b1",
        Map.of(),
        BaselineTests.NOT_RECORDED,
        List.of(new Baseline.KeptFile("api", "fleet.yaml", Sha256.of(kept), kept)));
  }

  private Evidence evidence(Path... documents) throws Exception {
    LayerEvidence.Builder contract = new LayerEvidence.Builder(Layer.CONTRACT);
    List<dev.pyramid.reporting.apidiff.ApiDocument> read = new ArrayList<>();
    for (Path document : documents) {
      read.add(ApiDocumentReader.read(document.toString()));
    }
    LayerEvidence tests = InMemory.layer(Layer.CONTRACT).passed(1).build();
    contract
        .addSources(tests.sources())
        .addTestCases(tests.testCases())
        .addSources(List.of(documents))
        .addApiDocuments(read);
    return new Evidence(List.of(InMemory.ROOT), Map.of(Layer.CONTRACT, contract.build()));
  }

  private Path copy(String fixture, String to) throws Exception {
    Path target = dir.resolve(to);
    Files.createDirectories(target.getParent());
    return Files.copy(
        BuildTree.resource("apidiff/" + fixture),
        target,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
