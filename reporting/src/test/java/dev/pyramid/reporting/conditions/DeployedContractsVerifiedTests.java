package dev.pyramid.reporting.conditions;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.decision.DecisionAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.InMemory;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.internal.files.Sha256;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.BaselineTests;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.PactFile;
import dev.pyramid.reporting.results.StageVerification;
import dev.pyramid.reporting.results.StageVerification.Artifact;
import dev.pyramid.reporting.results.StageVerification.Direction;
import dev.pyramid.reporting.results.StageVerification.Interaction;
import dev.pyramid.reporting.results.StageVerification.VerifiedPact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deployed-contracts-verified}: the contract tests' verifications against what production
 * runs, held to the build it runs. Production runs c0ffee/42, which kept api-gateway's pact with
 * fleet-core and fleet-core's jar; the candidate has its own api-gateway pact with fleet-core.
 */
@UnitTest
class DeployedContractsVerifiedTests {

  private static final String ID = "contract.deployed-contracts-verified";
  private static final String KEPT_PACT = "contract-tests/target/pacts/api-gateway-fleet-core.json";
  private static final String JAR = "platform/fleet-core/target/fleet-core-all.jar";
  private static final StageVerification.Build RUNNING =
      new StageVerification.Build("c0ffee", "42");

  private final Policy policy =
      policy(List.of(Layer.CONTRACT), condition("{ deployed-contracts-verified: true }"));

  @TempDir Path dir;

  private Baseline.KeptFile keptPact;
  private Baseline.KeptFile keptJar;
  private PactFile candidatePact;

  @BeforeEach
  void whatProductionRunsAndTheCandidatesPact() throws Exception {
    Path pact =
        write(
            "kept/pacts/" + KEPT_PACT,
            "{\"consumer\":{\"name\":\"api-gateway\"},\"provider\":{\"name\":\"fleet-core\"},"
                + "\"interactions\":[{\"description\":\"a ride request\"}]}");
    keptPact = new Baseline.KeptFile("pacts", KEPT_PACT, Sha256.of(pact), pact);
    Path jar = write("kept/artifacts/" + JAR, "jar bytes");
    keptJar = new Baseline.KeptFile("artifacts", JAR, Sha256.of(jar), jar);
    candidatePact =
        new PactFile(
            "api-gateway",
            "fleet-core",
            List.of("a ride request", "a ride request for v2"),
            dir.resolve("candidate/" + KEPT_PACT),
            "cd".repeat(32));
  }

  @Test
  void verified_both_ways_against_the_build_production_runs_passes() {
    Decision decision = decide(evidence(verifiedAgainstCandidate(), verifiedAgainstStage()));

    assertThat(decision)
        .isPromoted()
        .hasCondition(ID, Verdict.PASS)
        .hasActual(ID, "3/3 interactions verified both ways against c0ffee/42");
    ConditionResult result = decision.conditions().get(0);
    assertThat(result.items()).isEmpty();
    assertThat(result.category()).isEqualTo(Category.CONTRACT);
    assertThat(result.note()).contains("against production's build c0ffee/42");
  }

  @Nested
  class NoBaseline {

    @Test
    void production_running_no_build_yet_is_no_baseline() {
      Decision decision = InMemory.decide(policy, evidence());

      assertThat(decision).isPromoted().hasCondition(ID, Verdict.NO_BASELINE);
      assertThat(decision.conditions().get(0).note()).contains("production runs no build yet");
    }

    @Test
    void a_build_that_kept_neither_pacts_nor_artifacts_is_no_baseline_naming_it() {
      Baseline keptNothing =
          new Baseline("production", "c0ffee", "42", Map.of(), BaselineTests.NOT_RECORDED);

      Decision decision = InMemory.decide(policy, evidence(), keptNothing);

      assertThat(decision).isPromoted().hasCondition(ID, Verdict.NO_BASELINE);
      assertThat(decision.conditions().get(0).note())
          .contains("production's build c0ffee/42 kept no pacts and no artifacts");
    }
  }

  @Nested
  class WhichBuild {

    @Test
    void no_verification_against_production_fails_closed_and_other_stages_are_not_used() {
      StageVerification staging =
          new StageVerification(
              Direction.STAGE_PACTS_AGAINST_CANDIDATE,
              "staging",
              Optional.of(RUNNING),
              "",
              "fleet-core",
              Optional.empty(),
              List.of(kept(passed("a ride request"))),
              dir.resolve("staging.json"));

      Decision decision = decide(evidence(staging));

      assertThat(decision)
          .isBlocked()
          .hasFailedCondition(ID)
          .hasActual(ID, "no verification against c0ffee/42");
      ConditionResult result = decision.conditions().get(0);
      assertThat(result.items())
          .startsWith(
              "no verification against production's build c0ffee/42 ran (contract layer,"
                  + " stage-contracts evidence)");
      assertThat(result.note()).contains("1 verification file(s) of other stages not used");
      assertThat(result.evidence()).doesNotContain(dir.resolve("staging.json"));
    }

    @Test
    void a_verification_against_an_older_build_fails_naming_both() {
      StageVerification older =
          againstCandidate(
              new StageVerification.Build("c0ffee", "41"), kept(passed("a ride request")));

      Decision decision = decide(evidence(older, verifiedAgainstStage()));

      assertThat(decision).isBlocked().hasFailedCondition(ID);
      assertThat(decision.conditions().get(0).items())
          .contains(
              older.source() + ": verified against c0ffee/41, production runs c0ffee/42",
              "production's pact " + KEPT_PACT + " was not verified against the candidate");
    }

    @Test
    void tests_that_found_no_build_at_production_fail_saying_where_the_pointer_comes_from() {
      StageVerification none =
          new StageVerification(
              Direction.STAGE_PACTS_AGAINST_CANDIDATE,
              "production",
              Optional.empty(),
              "no history.deployed/stages/production.json",
              "fleet-core",
              Optional.empty(),
              List.of(),
              dir.resolve("none.json"));

      Decision decision = decide(evidence(none, verifiedAgainstStage()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .anySatisfy(
              item ->
                  assertThat(item)
                      .startsWith(
                          none.source()
                              + ": the contract tests found no build at production (no"
                              + " history.deployed/stages/production.json), which runs"
                              + " c0ffee/42")
                      .contains("written by pyramid promote and rollback")
                      .contains("-Dpyramid.history="));
    }
  }

  @Nested
  class StagePactsAgainstTheCandidate {

    @Test
    void a_kept_pact_left_unverified_fails() {
      Decision decision = decide(evidence(againstCandidate(RUNNING), verifiedAgainstStage()));

      assertThat(decision).isBlocked().hasFailedCondition(ID);
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "production's pact " + KEPT_PACT + " was not verified against the candidate");
      assertThat(decision.conditions().get(0).actual()).endsWith("1 pact(s) not verified");
    }

    @Test
    void a_pact_production_does_not_run_fails() {
      VerifiedPact stray =
          new VerifiedPact(
              "elsewhere/api-gateway-fleet-core.json",
              "ef".repeat(32),
              "api-gateway",
              "fleet-core",
              List.of(passed("a ride request")));

      Decision decision =
          decide(
              evidence(
                  againstCandidate(RUNNING, kept(passed("a ride request")), stray),
                  verifiedAgainstStage()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .singleElement(STRING)
          .startsWith("api-gateway → fleet-core: elsewhere/api-gateway-fleet-core.json (")
          .contains("is not a pact production runs");
    }

    @Test
    void a_failed_interaction_fails_naming_it_and_the_mismatch() {
      Decision decision =
          decide(
              evidence(
                  againstCandidate(
                      RUNNING, kept(failed("a ride request", "expected status 201 but was 400"))),
                  verifiedAgainstStage()));

      assertThat(decision)
          .isBlocked()
          .hasActual(ID, "2/3 interactions verified both ways against c0ffee/42");
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "api-gateway → fleet-core: 'a ride request' fails against the candidate fleet-core:"
                  + " expected status 201 but was 400 (production's pact)");
    }

    @Test
    void a_pact_verified_with_no_interaction_fails() {
      Decision decision =
          decide(evidence(againstCandidate(RUNNING, kept()), verifiedAgainstStage()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "api-gateway → fleet-core: production's pact "
                  + KEPT_PACT
                  + " has no interaction"
                  + " verified");
    }
  }

  @Nested
  class CandidatePactsAgainstTheStage {

    @Test
    void a_pact_of_this_build_left_unverified_fails() {
      Decision decision = decide(evidence(verifiedAgainstCandidate()));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "api-gateway → fleet-core: this build's pact "
                  + candidatePact.source()
                  + " was not verified against production's fleet-core");
    }

    @Test
    void a_failed_interaction_fails_naming_the_artifact_production_runs() {
      Decision decision =
          decide(
              evidence(
                  verifiedAgainstCandidate(),
                  againstStage(
                      jar(),
                      candidate(
                          passed("a ride request"),
                          failed("a ride request for v2", "no route for /v2/rides")))));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "api-gateway → fleet-core: 'a ride request for v2' fails against production's"
                  + " fleet-core ("
                  + JAR
                  + "): no route for /v2/rides");
    }

    @Test
    void an_interaction_of_the_pact_with_no_result_fails() {
      Decision decision =
          decide(
              evidence(
                  verifiedAgainstCandidate(),
                  againstStage(jar(), candidate(passed("a ride request")))));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "api-gateway → fleet-core: 'a ride request for v2' of this build's pact "
                  + KEPT_PACT
                  + " has no result");
    }

    @Test
    void a_provider_started_from_an_artifact_production_did_not_keep_fails() {
      Artifact rebuilt = new Artifact(JAR, "00".repeat(32));

      Decision decision =
          decide(
              evidence(
                  verifiedAgainstCandidate(),
                  againstStage(Optional.of(rebuilt), candidate(passed("a ride request")))));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .anySatisfy(
              item ->
                  assertThat(item)
                      .contains(
                          "fleet-core was started from "
                              + JAR
                              + ", which is not an artifact production's build c0ffee/42 kept"));
    }

    @Test
    void a_verified_pact_that_is_not_this_build_s_fails() {
      VerifiedPact stale =
          new VerifiedPact(
              KEPT_PACT, "ef".repeat(32), "api-gateway", "fleet-core", List.of(passed("a ride")));

      Decision decision =
          decide(
              evidence(
                  verifiedAgainstCandidate(),
                  againstStage(
                      jar(),
                      candidate(passed("a ride request"), passed("a ride request for v2")),
                      stale)));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .singleElement(STRING)
          .contains("is not a pact file of this build");
    }

    @Test
    void no_artifact_of_a_provider_production_runs_fails() {
      Decision decision =
          decide(evidence(verifiedAgainstCandidate(), againstStage(Optional.empty())));

      assertThat(decision).isBlocked();
      assertThat(decision.conditions().get(0).items())
          .anySatisfy(
              item ->
                  assertThat(item)
                      .startsWith(
                          "production kept no artifact of fleet-core to start; its consumers'"
                              + " pacts cannot be checked against it"));
    }

    @Test
    void a_provider_new_at_production_passes_saying_so() {
      candidatePact =
          new PactFile(
              "api-gateway",
              "fleet-billing",
              List.of("an invoice"),
              dir.resolve("candidate/api-gateway-fleet-billing.json"),
              "cd".repeat(32));
      StageVerification billing =
          new StageVerification(
              Direction.CANDIDATE_PACTS_AGAINST_STAGE,
              "production",
              Optional.of(RUNNING),
              "production kept no artifact of fleet-billing",
              "fleet-billing",
              Optional.empty(),
              List.of(),
              dir.resolve("billing.json"));

      Decision decision = decide(evidence(verifiedAgainstCandidate(), billing));

      assertThat(decision).isPromoted().hasCondition(ID, Verdict.PASS);
      assertThat(decision.conditions().get(0).items())
          .containsExactly(
              "fleet-billing is new at production (no pact it runs has it as provider): nothing"
                  + " deployed to check this build's pacts with it against");
    }

    @Test
    void a_kept_pact_that_cannot_be_read_makes_the_condition_unreadable() throws Exception {
      Files.delete(keptPact.file());

      Decision decision =
          decide(evidence(verifiedAgainstCandidate(), againstStage(Optional.empty())));

      assertThat(decision).isIncomplete().hasCondition(ID, Verdict.UNREADABLE);
      assertThat(decision.conditions().get(0).note())
          .contains("a pact production runs cannot be read: " + keptPact.file());
    }
  }

  @Test
  void unreadable_evidence_of_the_contract_layer_is_unreadable() {
    LayerEvidence broken =
        InMemory.layer(Layer.CONTRACT).passed(1).unreadable("schemaVersion 2 is newer").build();

    Decision decision =
        decide(new Evidence(List.of(InMemory.ROOT), Map.of(Layer.CONTRACT, broken)));

    assertThat(decision).isIncomplete().hasCondition(ID, Verdict.UNREADABLE);
  }

  /** The gate's decision for production, which runs c0ffee/42. */
  private Decision decide(Evidence evidence) {
    Baseline production =
        new Baseline(
            "production",
            RUNNING.commit(),
            RUNNING.buildId(),
            Map.of(),
            BaselineTests.NOT_RECORDED,
            List.of(keptPact, keptJar));
    return InMemory.decide(policy, evidence, Quarantine.NONE, Optional.of(production));
  }

  /** A passing contract layer with the candidate's pact and {@code verifications}. */
  private Evidence evidence(StageVerification... verifications) {
    LayerEvidence tests = InMemory.layer(Layer.CONTRACT).passed(1).build();
    List<Path> sources = new ArrayList<>(tests.sources());
    sources.add(candidatePact.source());
    for (StageVerification verification : verifications) {
      sources.add(verification.source());
    }
    LayerEvidence contract =
        new LayerEvidence.Builder(Layer.CONTRACT)
            .addSources(sources)
            .addTestCases(tests.testCases())
            .addPactFiles(List.of(candidatePact))
            .addStageVerifications(List.of(verifications))
            .build();
    return new Evidence(List.of(InMemory.ROOT), Map.of(Layer.CONTRACT, contract));
  }

  private StageVerification againstCandidate(
      StageVerification.Build stageBuild, VerifiedPact... pacts) {
    return new StageVerification(
        Direction.STAGE_PACTS_AGAINST_CANDIDATE,
        "production",
        Optional.of(stageBuild),
        "",
        "fleet-core",
        Optional.empty(),
        List.of(pacts),
        dir.resolve("stage-contracts/against-candidate-" + stageBuild.buildId() + ".json"));
  }

  private StageVerification againstStage(Optional<Artifact> artifact, VerifiedPact... pacts) {
    return new StageVerification(
        Direction.CANDIDATE_PACTS_AGAINST_STAGE,
        "production",
        Optional.of(RUNNING),
        "",
        "fleet-core",
        artifact,
        List.of(pacts),
        dir.resolve("stage-contracts/against-stage.json"));
  }

  /** Production's pact verified against the candidate, every interaction passed. */
  private StageVerification verifiedAgainstCandidate() {
    return againstCandidate(RUNNING, kept(passed("a ride request")));
  }

  /** The candidate's pact verified against production's fleet-core, every interaction passed. */
  private StageVerification verifiedAgainstStage() {
    return againstStage(
        jar(), candidate(passed("a ride request"), passed("a ride request for v2")));
  }

  /** What the tests started production's fleet-core from: its kept jar. */
  private Optional<Artifact> jar() {
    return Optional.of(new Artifact(keptJar.path(), keptJar.sha256()));
  }

  /** Production's kept pact, as the tests verified it. */
  private VerifiedPact kept(Interaction... interactions) {
    return new VerifiedPact(
        KEPT_PACT, keptPact.sha256(), "api-gateway", "fleet-core", List.of(interactions));
  }

  /** The candidate's pact, as the tests verified it. */
  private VerifiedPact candidate(Interaction... interactions) {
    return new VerifiedPact(
        KEPT_PACT,
        candidatePact.sha256(),
        candidatePact.consumer(),
        candidatePact.provider(),
        List.of(interactions));
  }

  private static Interaction passed(String description) {
    return new Interaction(description, true, "");
  }

  private static Interaction failed(String description, String message) {
    return new Interaction(description, false, message);
  }

  private Path write(String relative, String text) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
