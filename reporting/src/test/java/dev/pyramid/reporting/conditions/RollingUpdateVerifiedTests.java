package dev.pyramid.reporting.conditions;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.decision.DecisionAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.InMemory;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.BaselineTests;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.RollingUpdateRun;
import dev.pyramid.reporting.results.RollingUpdateRun.Build;
import dev.pyramid.reporting.results.RollingUpdateRun.Service;
import dev.pyramid.reporting.results.RollingUpdateRun.Side;
import dev.pyramid.reporting.results.TestCase;
import dev.pyramid.reporting.results.TestCase.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolling-update-verified}: the e2e journeys run with services of mixed builds, held to the
 * build production runs. Production runs c0ffee/42, which kept fleet-core's and api-gateway's jars;
 * each run takes one of them from production and the other from the candidate, 13 journeys each.
 */
@UnitTest
class RollingUpdateVerifiedTests {

  private static final String ID = "e2e.rolling-update-verified";
  private static final String CORE_JAR = "platform/fleet-core/target/fleet-core-all.jar";
  private static final String GATEWAY_JAR = "platform/api-gateway/target/api-gateway-all.jar";
  private static final String CORE_SHA = "c0".repeat(32);
  private static final String GATEWAY_SHA = "9a".repeat(32);
  private static final Build RUNNING = new Build("c0ffee", "42");
  private static final String JOURNEY = "dev.pyramid.e2e.RideBookingJourneyIT";

  private final Policy policy =
      policy(List.of(Layer.E2E), condition("{ rolling-update-verified: true }"));

  @TempDir Path dir;

  private final Baseline.KeptFile keptCore =
      new Baseline.KeptFile("artifacts", CORE_JAR, CORE_SHA, Path.of("/kept", CORE_JAR));
  private final Baseline.KeptFile keptGateway =
      new Baseline.KeptFile("artifacts", GATEWAY_JAR, GATEWAY_SHA, Path.of("/kept", GATEWAY_JAR));

  @Test
  void both_mixes_passing_against_the_build_production_runs_pass() {
    Decision decision = decide(coreFromProduction(passing()), gatewayFromProduction(passing()));

    assertThat(decision)
        .isPromoted()
        .hasCondition(ID, Verdict.PASS)
        .hasActual(ID, "2 mixed runs, 26 journeys passed against c0ffee/42");
    ConditionResult result = decision.conditions().get(0);
    assertThat(result.items()).isEmpty();
    assertThat(result.category()).isEqualTo(Category.CONTRACT);
    assertThat(result.note()).contains("against production's build c0ffee/42");
    assertThat(result.evidence())
        .contains(dir.resolve("fleet-core/rolling-update.json"), keptCore.file());
  }

  @Test
  void journeys_that_passed_on_a_rerun_count_as_passed_and_are_said_flaky() {
    List<TestCase> flaky = passing();
    flaky.set(0, journey("a_rider_books_a_ride", Status.PASSED, "", true));

    Decision decision = decide(coreFromProduction(flaky), gatewayFromProduction(passing()));

    assertThat(decision)
        .isPromoted()
        .hasActual(ID, "2 mixed runs, 26 journeys passed (1 flaky) against c0ffee/42");
  }

  @Nested
  class NoBaseline {

    @Test
    void production_running_no_build_yet_is_no_baseline() {
      Decision decision = InMemory.decide(policy, evidence(coreFromProduction(passing())));

      assertThat(decision).isPromoted().hasCondition(ID, Verdict.NO_BASELINE);
      assertThat(decision.conditions().get(0).note()).contains("production runs no build yet");
    }

    @Test
    void a_build_that_kept_no_artifacts_is_no_baseline_naming_it() {
      Baseline keptNothing =
          new Baseline("production", "c0ffee", "42", Map.of(), BaselineTests.NOT_RECORDED);

      Decision decision =
          InMemory.decide(policy, evidence(coreFromProduction(passing())), keptNothing);

      assertThat(decision).isPromoted().hasCondition(ID, Verdict.NO_BASELINE);
      assertThat(decision.conditions().get(0).note())
          .contains("production's build c0ffee/42 kept no artifacts (deployed.artifacts)");
    }
  }

  @Nested
  class WhichBuild {

    @Test
    void no_run_against_production_fails_closed_and_runs_of_other_stages_are_not_used() {
      RollingUpdateRun staging =
          run("staging", Optional.of(RUNNING), "", "fleet-core", core(Side.STAGE), passing());

      Decision decision = decide(staging);

      assertThat(decision)
          .isBlocked()
          .hasFailedCondition(ID)
          .hasActual(ID, "no mixed run against c0ffee/42");
      ConditionResult result = decision.conditions().get(0);
      assertThat(result.items())
          .first(STRING)
          .startsWith("no mixed run against production's build c0ffee/42");
      assertThat(result.note()).contains("1 run(s) against other stages not used");
      assertThat(result.evidence()).doesNotContain(staging.source());
    }

    @Test
    void a_run_against_an_older_build_fails_naming_both() {
      RollingUpdateRun older =
          run(
              "production",
              Optional.of(new Build("c0ffee", "41")),
              "",
              "fleet-core",
              core(Side.STAGE),
              passing());

      Decision decision = decide(older, gatewayFromProduction(passing()));

      assertThat(decision).isBlocked().hasFailedCondition(ID);
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              older.source() + ": ran against c0ffee/41, production runs c0ffee/42",
              "production's "
                  + CORE_JAR
                  + " never served beside the candidate (no mixed run started it; an artifact that"
                  + " starts no service does not belong in deployed.artifacts)");
    }

    @Test
    void journeys_that_found_no_build_at_production_fail_saying_where_the_pointer_comes_from() {
      String note =
          "production runs no build promoted with pyramid promote: .../stages/production.json does"
              + " not exist";
      RollingUpdateRun none =
          run(
              "production",
              Optional.empty(),
              note,
              "fleet-core",
              List.of(gateway(Side.CANDIDATE)),
              skipped(note));

      Decision decision = decide(none, gatewayFromProduction(passing()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .first(STRING)
          .startsWith(
              none.source()
                  + ": the e2e journeys found no build at production ("
                  + note
                  + "), which runs c0ffee/42")
          .contains("written by pyramid promote and rollback")
          .contains("-Dpyramid.history=");
    }
  }

  @Nested
  class Mixes {

    @Test
    void a_run_with_no_service_from_production_is_not_a_mixed_run() {
      RollingUpdateRun candidateOnly =
          run(
              "production",
              Optional.of(RUNNING),
              "",
              "none",
              List.of(gateway(Side.CANDIDATE), core(Side.CANDIDATE).get(0)),
              passing());

      Decision decision = decide(candidateOnly, gatewayFromProduction(passing()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .first(STRING)
          .isEqualTo(
              candidateOnly.source()
                  + ": not a mixed run: no service from production's build c0ffee/42,"
                  + " api-gateway, fleet-core from the candidate");
    }

    @Test
    void a_run_with_no_service_from_the_candidate_is_not_a_mixed_run() {
      RollingUpdateRun productionOnly =
          run(
              "production",
              Optional.of(RUNNING),
              "",
              "fleet-core+api-gateway",
              List.of(gateway(Side.STAGE), core(Side.STAGE).get(0)),
              passing());

      Decision decision = decide(productionOnly, coreFromProduction(passing()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              productionOnly.source()
                  + ": not a mixed run: api-gateway, fleet-core from production's build c0ffee/42,"
                  + " no service from the candidate",
              "production's "
                  + GATEWAY_JAR
                  + " never served beside the candidate (no mixed run started it; an artifact"
                  + " that starts no service does not belong in deployed.artifacts)");
    }

    @Test
    void a_service_started_from_an_artifact_production_did_not_keep_fails() {
      Service rebuilt = new Service("fleet-core", Side.STAGE, CORE_JAR, "00".repeat(32));
      RollingUpdateRun run =
          run(
              "production",
              Optional.of(RUNNING),
              "",
              "fleet-core",
              List.of(gateway(Side.CANDIDATE), rebuilt),
              passing());

      Decision decision = decide(run, gatewayFromProduction(passing()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .first(STRING)
          .isEqualTo(
              run.source()
                  + ": fleet-core ran from "
                  + CORE_JAR
                  + ", which is not an artifact production's build c0ffee/42 kept (none has its"
                  + " SHA-256)");
    }

    @Test
    void a_kept_artifact_that_never_served_beside_the_candidate_fails() {
      Decision decision = decide(coreFromProduction(passing()));

      assertThat(decision)
          .isBlocked()
          .hasActual(ID, "1 mixed run, 13 journeys passed against c0ffee/42");
      assertThat(decision.conditions().get(0).items())
          .singleElement(STRING)
          .startsWith("production's " + GATEWAY_JAR + " never served beside the candidate");
    }
  }

  @Nested
  class Journeys {

    @Test
    void a_failed_journey_fails_naming_it_each_service_s_build_and_the_first_line() {
      List<TestCase> journeys = passing();
      journeys.set(
          0,
          journey(
              "a_rider_books_a_ride",
              Status.FAILED,
              "expected status 201 but was 500\n\tat RideBookingJourneyIT.java:42",
              false));

      Decision decision = decide(coreFromProduction(journeys), gatewayFromProduction(passing()));

      assertThat(decision)
          .isBlocked()
          .hasActual(ID, "2 mixed runs, 25 journeys passed, 1 failed against c0ffee/42");
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              JOURNEY
                  + "#a_rider_books_a_ride fails with fleet-core from production's build"
                  + " c0ffee/42, api-gateway from the candidate: expected status 201 but was 500",
              "production's "
                  + CORE_JAR
                  + " never served beside the candidate in a run whose journeys passed");
    }

    @Test
    void rest_assureds_failure_is_named_by_what_failed_not_by_how_many_expectations_did() {
      List<TestCase> journeys = passing();
      journeys.set(
          0,
          journey(
              "a_rider_books_a_ride",
              Status.FAILED,
              "1 expectation failed.\nExpected status code <200> but was <502>.\n",
              false));

      Decision decision = decide(coreFromProduction(journeys), gatewayFromProduction(passing()));

      assertThat(decision.conditions().get(0).items().get(0))
          .endsWith(
              "api-gateway from the candidate: 1 expectation failed. Expected status code <200>"
                  + " but was <502>.");
    }

    @Test
    void an_errored_journey_fails_too() {
      List<TestCase> journeys = passing();
      journeys.set(1, journey("a_rider_cancels", Status.ERRORED, "Connection refused", false));

      Decision decision = decide(coreFromProduction(passing()), gatewayFromProduction(journeys));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .first(STRING)
          .isEqualTo(
              JOURNEY
                  + "#a_rider_cancels fails with api-gateway from production's build c0ffee/42,"
                  + " fleet-core from the candidate: Connection refused");
    }

    @Test
    void a_run_whose_journeys_were_all_skipped_fails_with_the_first_reason() {
      RollingUpdateRun skipped =
          coreFromProduction(skipped("Skipped: the stage's fleet-core did not start"));

      Decision decision = decide(skipped, gatewayFromProduction(passing()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              skipped.source()
                  + ": no journey ran with fleet-core from production's build c0ffee/42,"
                  + " api-gateway from the candidate (13 of 13 skipped): Skipped: the stage's"
                  + " fleet-core did not start",
              "production's "
                  + CORE_JAR
                  + " never served beside the candidate in a run whose journeys passed");
    }
  }

  @Test
  void unreadable_evidence_of_the_e2e_layer_is_unreadable() {
    LayerEvidence broken =
        InMemory.layer(Layer.E2E).passed(1).unreadable("schemaVersion 2 is newer").build();

    Decision decision = decide(new Evidence(List.of(InMemory.ROOT), Map.of(Layer.E2E, broken)));

    assertThat(decision).isIncomplete().hasCondition(ID, Verdict.UNREADABLE);
  }

  /** The files the e2e module wrote (real/rolling-update, with HOW.md). */
  @Nested
  class RealRuns {

    @Test
    void the_real_mixed_runs_pass_against_what_production_kept() throws Exception {
      Decision decision =
          InMemory.decide(
              policy,
              real("production-runs-c0ffee-42"),
              Quarantine.NONE,
              Optional.of(keptByTheRealProduction()));

      assertThat(decision)
          .isPromoted()
          .hasCondition(ID, Verdict.PASS)
          .hasActual(ID, "2 mixed runs, 26 journeys passed against c0ffee/42");
    }

    @Test
    void the_real_runs_that_found_nothing_at_production_fail_when_it_runs_a_build()
        throws Exception {
      Decision decision =
          InMemory.decide(
              policy,
              real("no-build-at-production"),
              Quarantine.NONE,
              Optional.of(keptByTheRealProduction()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .hasSize(4)
          .filteredOn(item -> item.contains("found no build at production"))
          .hasSize(2)
          .allSatisfy(
              item ->
                  assertThat(item)
                      .contains(
                          "(production runs no build promoted with pyramid promote:"
                              + " /tmp/nostage/history.deployed/stages/production.json does not"
                              + " exist"));
    }

    /** The e2e layer read from the real files, as evidence rooted where InMemory trusts. */
    private Evidence real(String run) {
      new BuildTree(dir)
          .putTree(
              "real/rolling-update/" + run + "/failsafe-reports",
              "e2e-tests/target/failsafe-reports");
      LayerEvidence e2e = new EvidenceCollector().collect(List.of(dir)).evidence().of(Layer.E2E);
      LayerEvidence own = InMemory.layer(Layer.E2E).passed(1).build();
      LayerEvidence layer =
          new LayerEvidence.Builder(Layer.E2E)
              .addSources(e2e.sources())
              .addSources(own.sources())
              .addTestCases(own.testCases())
              .addRollingUpdates(e2e.rollingUpdates())
              .build();
      return new Evidence(List.of(InMemory.ROOT), Map.of(Layer.E2E, layer));
    }

    /** What the simulated production store's manifest lists (the jars themselves are not kept). */
    private Baseline keptByTheRealProduction() throws Exception {
      JsonNode manifest =
          new ObjectMapper()
              .readTree(
                  BuildTree.resource(
                          "real/rolling-update/production-runs-c0ffee-42/history.deployed/c0ffee/42/manifest.json")
                      .toFile());
      List<Baseline.KeptFile> kept = new ArrayList<>();
      for (JsonNode file : manifest.get("files")) {
        String kind = file.get("kind").asText();
        String path = file.get("path").asText();
        kept.add(
            new Baseline.KeptFile(
                kind,
                path,
                file.get("sha256").asText(),
                dir.resolve("history.deployed/c0ffee/42/" + kind + "/" + path)));
      }
      return new Baseline("production", "c0ffee", "42", Map.of(), BaselineTests.NOT_RECORDED, kept);
    }
  }

  /** The gate's decision for production, which runs c0ffee/42 and kept both jars. */
  private Decision decide(RollingUpdateRun... runs) {
    return decide(evidence(runs));
  }

  private Decision decide(Evidence evidence) {
    Baseline production =
        new Baseline(
            "production",
            RUNNING.commit(),
            RUNNING.buildId(),
            Map.of(),
            BaselineTests.NOT_RECORDED,
            List.of(keptCore, keptGateway));
    return InMemory.decide(policy, evidence, Quarantine.NONE, Optional.of(production));
  }

  /** A passing e2e layer with {@code runs}. */
  private Evidence evidence(RollingUpdateRun... runs) {
    LayerEvidence tests = InMemory.layer(Layer.E2E).passed(1).build();
    List<Path> sources = new ArrayList<>(tests.sources());
    for (RollingUpdateRun run : runs) {
      sources.add(run.source());
      sources.addAll(run.reports());
    }
    LayerEvidence e2e =
        new LayerEvidence.Builder(Layer.E2E)
            .addSources(sources)
            .addTestCases(tests.testCases())
            .addRollingUpdates(List.of(runs))
            .build();
    return new Evidence(List.of(InMemory.ROOT), Map.of(Layer.E2E, e2e));
  }

  /** Production's fleet-core beside the candidate's api-gateway. */
  private RollingUpdateRun coreFromProduction(List<TestCase> journeys) {
    return run(
        "production",
        Optional.of(RUNNING),
        "",
        "fleet-core",
        List.of(gateway(Side.CANDIDATE), core(Side.STAGE).get(0)),
        journeys);
  }

  /** Production's api-gateway beside the candidate's fleet-core. */
  private RollingUpdateRun gatewayFromProduction(List<TestCase> journeys) {
    return run(
        "production",
        Optional.of(RUNNING),
        "",
        "api-gateway",
        List.of(gateway(Side.STAGE), core(Side.CANDIDATE).get(0)),
        journeys);
  }

  private RollingUpdateRun run(
      String stage,
      Optional<Build> build,
      String note,
      String folder,
      List<Service> services,
      List<TestCase> journeys) {
    Path report = dir.resolve(folder + "/TEST-" + JOURNEY + ".xml");
    List<TestCase> inFolder =
        journeys.stream()
            .map(
                test ->
                    new TestCase(
                        test.className(),
                        test.name(),
                        test.timeSeconds(),
                        test.status(),
                        test.message(),
                        report,
                        test.flaky()))
            .toList();
    return new RollingUpdateRun(
        stage,
        build,
        note,
        services,
        inFolder,
        dir.resolve(folder + "/rolling-update.json"),
        List.of(report));
  }

  private List<Service> core(Side side) {
    return List.of(
        new Service("fleet-core", side, CORE_JAR, side == Side.STAGE ? CORE_SHA : "c1".repeat(32)));
  }

  private Service gateway(Side side) {
    return new Service(
        "api-gateway", side, GATEWAY_JAR, side == Side.STAGE ? GATEWAY_SHA : "9b".repeat(32));
  }

  /** 13 journeys, every one passed. */
  private static List<TestCase> passing() {
    List<TestCase> journeys = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      journeys.add(journey("journey_" + i, Status.PASSED, "", false));
    }
    return journeys;
  }

  /** 13 journeys, every one skipped for {@code reason}. */
  private static List<TestCase> skipped(String reason) {
    List<TestCase> journeys = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      journeys.add(journey("journey_" + i, Status.SKIPPED, reason, false));
    }
    return journeys;
  }

  private static TestCase journey(String name, Status status, String message, boolean flaky) {
    return new TestCase(JOURNEY, name, 0.5, status, message, null, flaky);
  }
}
