package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.results.RollingUpdateRun.Build;
import dev.pyramid.reporting.results.RollingUpdateRun.Service;
import dev.pyramid.reporting.results.RollingUpdateRun.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The e2e journeys' runs during a rolling update, as the framework's e2e fixtures and Failsafe
 * write them into {@code failsafe-reports/e2e-rolling/<services from the stage>/}: real runs read
 * into the e2e layer's runs and never into its own tests (real/rolling-update, with HOW.md), a
 * description not of the format refused naming the file and the field, and a folder that cannot be
 * judged a problem of the layer.
 */
@UnitTest
class RollingUpdateReaderTests {

  private static final String REAL = "real/rolling-update/";
  private static final String REPORTS = "e2e-tests/target/failsafe-reports";
  private static final String RUNS = REPORTS + "/e2e-rolling/";
  private static final Build C0FFEE_42 = new Build("c0ffee", "42");
  private static final String CORE_JAR =
      "platform/fleet-core/target/fleet-core-0.1.0-SNAPSHOT-all.jar";
  private static final String GATEWAY_JAR =
      "platform/api-gateway/target/api-gateway-0.1.0-SNAPSHOT-all.jar";

  @TempDir Path root;

  private final ObjectMapper json = new ObjectMapper();

  @Nested
  class RealRuns {

    @Test
    void each_mixed_run_against_production_is_a_run_of_the_e2e_layer_with_its_journeys()
        throws Exception {
      tree().putTree(REAL + "production-runs-c0ffee-42/failsafe-reports", REPORTS);

      LayerEvidence e2e = collect().of(Layer.E2E);

      assertThat(e2e.problems()).isEmpty();
      assertThat(e2e.rollingUpdates()).hasSize(2);
      RollingUpdateRun gatewayFromProduction = e2e.rollingUpdates().get(0);
      assertThat(gatewayFromProduction.source())
          .isEqualTo(root.resolve(RUNS + "api-gateway/rolling-update.json"));
      assertThat(gatewayFromProduction.stage()).isEqualTo("production");
      assertThat(gatewayFromProduction.stageBuild()).contains(C0FFEE_42);
      assertThat(gatewayFromProduction.note()).isEmpty();
      assertThat(gatewayFromProduction.services())
          .containsExactly(
              new Service(
                  "api-gateway",
                  Side.STAGE,
                  GATEWAY_JAR,
                  "42f04267f7c6d3f5cab16f538cd24e606897b30427c81375e99338e6d8c2ae0d"),
              new Service(
                  "fleet-core",
                  Side.CANDIDATE,
                  CORE_JAR,
                  "82e0a03e157e272e9187d452d587ed448eeb74e080b2e1a2432d1ee2e7bc9f81"));
      RollingUpdateRun coreFromProduction = e2e.rollingUpdates().get(1);
      assertThat(coreFromProduction.from(Side.STAGE))
          .extracting(Service::name, Service::sha256)
          .containsExactly(
              tuple(
                  "fleet-core",
                  "dcf28304369fd73f8fa26f56e9fde83bdae1fcb6e341ef243a47ea51513f9a78"));
      for (RollingUpdateRun run : e2e.rollingUpdates()) {
        // As the console's closing summary of each run: Tests run: 15, Skipped: 2.
        assertThat(run.counts()).isEqualTo(new Counts(15, 13, 0, 0, 2, 0));
        assertThat(run.reports()).hasSize(5);
      }
      assertThat(e2e.sources())
          .contains(root.resolve(RUNS + "fleet-core/rolling-update.json"))
          .contains(root.resolve(RUNS + "fleet-core/failsafe-summary.xml"));
    }

    @Test
    void the_e2e_layer_counts_the_same_with_the_mixed_runs_beside_its_results() throws Exception {
      BuildTree tree = tree();
      tree.putTree(REAL + "production-runs-c0ffee-42/failsafe-reports", REPORTS);
      LayerEvidence with = collect().of(Layer.E2E);
      tree.delete(RUNS);

      LayerEvidence without = collect().of(Layer.E2E);

      // As the console's closing summaries of the e2e folder: Tests run: 16, then 1 (secret scan).
      assertThat(without.counts()).isEqualTo(new Counts(17, 17, 0, 0, 0, 0));
      assertThat(with.counts()).isEqualTo(without.counts());
      assertThat(with.testCases()).isEqualTo(without.testCases());
      assertThat(with.problems()).isEmpty();
      assertThat(without.rollingUpdates()).isEmpty();
      assertThat(with.sources())
          .containsAll(without.sources())
          .hasSize(without.sources().size() + 14);
    }

    @Test
    void runs_that_found_no_build_at_production_say_why_and_skip_every_journey() throws Exception {
      tree().putTree(REAL + "no-build-at-production/failsafe-reports", REPORTS);

      LayerEvidence e2e = collect().of(Layer.E2E);

      assertThat(e2e.problems()).isEmpty();
      assertThat(e2e.counts()).isEqualTo(Counts.NONE);
      assertThat(e2e.rollingUpdates())
          .hasSize(2)
          .allSatisfy(
              run -> {
                assertThat(run.stageBuild()).isEmpty();
                assertThat(run.note())
                    .contains(
                        "/tmp/nostage/history.deployed/stages/production.json does not exist");
                assertThat(run.from(Side.STAGE)).isEmpty();
                assertThat(run.from(Side.CANDIDATE)).hasSize(1);
                assertThat(run.counts()).isEqualTo(new Counts(15, 0, 0, 0, 15, 0));
                assertThat(run.testCases().get(0).message()).contains(run.note());
              });
    }

    @Test
    void two_runs_whose_reports_are_alike_byte_for_byte_are_no_copy_of_each_other()
        throws Exception {
      tree().putTree(REAL + "no-build-at-production/failsafe-reports", REPORTS);
      Path report = root.resolve(RUNS + "fleet-core/TEST-dev.pyramid.e2e.RideFailuresIT.xml");
      Files.copy(
          report,
          root.resolve(RUNS + "api-gateway/" + report.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);

      assertThat(collect().of(Layer.E2E).problems()).isEmpty();
    }

    @Test
    void a_run_copied_into_a_second_root_is_refused_as_a_copy(@TempDir Path second)
        throws Exception {
      tree().putTree(REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling", RUNS);
      new BuildTree(second)
          .putTree(REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling", RUNS);

      LayerEvidence e2e =
          new EvidenceCollector().collect(List.of(root, second)).evidence().of(Layer.E2E);

      assertThat(e2e.problems())
          .isNotEmpty()
          .allSatisfy(problem -> assertThat(problem.reason()).contains("a copy of it"));
    }
  }

  @Nested
  class Descriptions {

    private static final String DESCRIPTION =
        """
        {
          "pyramid": "rolling-update",
          "schemaVersion": 1,
          "stage": "production",
          "stageBuild": {"commit": "c0ffee", "buildId": "42"},
          "services": [
            {"name": "api-gateway", "build": "candidate",
             "artifact": {"path": "platform/api-gateway/target/api-gateway-all.jar",
                          "sha256": "%s"}},
            {"name": "fleet-core", "build": "stage",
             "artifact": {"path": "platform/fleet-core/target/fleet-core-all.jar",
                          "sha256": "%s"}}
          ]
        }
        """
            .formatted("ab".repeat(32), "CD".repeat(32));

    private final RollingUpdateReader reader = new RollingUpdateReader();

    @Test
    void reads_the_stage_the_build_found_there_and_each_service_s_side() throws Exception {
      RollingUpdateReader.Description read = read(j -> {});

      assertThat(read.stage()).isEqualTo("production");
      assertThat(read.stageBuild()).contains(C0FFEE_42);
      assertThat(read.services())
          .extracting(Service::name, Service::side, Service::sha256)
          .containsExactly(
              tuple("api-gateway", Side.CANDIDATE, "ab".repeat(32)),
              tuple("fleet-core", Side.STAGE, "cd".repeat(32))); // lower-cased
    }

    @Test
    void a_file_of_another_kind_is_unreadable_naming_what_it_is() {
      assertThatThrownBy(() -> read(j -> j.put("pyramid", "stage-contracts")))
          .isInstanceOf(UnreadableEvidenceException.class)
          .hasMessageContaining(
              "not a Pyramid rolling-update file: \"pyramid\" is \"stage-contracts\", expected"
                  + " \"rolling-update\"; narrow sources.e2e.rolling-update to the files the e2e"
                  + " journeys write");
    }

    @Test
    void a_newer_schema_is_unreadable_saying_which_gate_reads_it() {
      assertThatThrownBy(() -> read(j -> j.put("schemaVersion", 2)))
          .hasMessageContaining("schemaVersion 2 is newer than this gate reads (1)");
    }

    @Test
    void a_cut_off_file_is_unreadable() {
      Path file = root.resolve("rolling-update.json");

      assertThatThrownBy(
              () -> reader.describe(file, DESCRIPTION.substring(0, 150).getBytes("UTF-8")))
          .isInstanceOf(UnreadableEvidenceException.class)
          .hasMessageContaining("not valid JSON");
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"stage", "stageBuild", "services"})
    void a_missing_field_is_unreadable_naming_it(String field) {
      assertThatThrownBy(() -> read(j -> j.remove(field)))
          .hasMessageContaining(
              "\"" + field + "\" is missing (rolling-update schemaVersion 1 requires it)");
    }

    @Test
    void a_field_of_the_wrong_shape_is_unreadable_naming_its_path() {
      assertThatThrownBy(() -> read(j -> service(j, 1).put("build", "both")))
          .hasMessageContaining("\"services[1].build\" is not \"stage\" or \"candidate\"");
      assertThatThrownBy(
              () -> read(j -> ((ObjectNode) service(j, 0).get("artifact")).put("sha256", "ab")))
          .hasMessageContaining("\"services[0].artifact.sha256\" is not a SHA-256 in hex");
      assertThatThrownBy(() -> read(j -> service(j, 0).remove("artifact")))
          .hasMessageContaining("\"services[0].artifact\" is missing");
      assertThatThrownBy(() -> read(j -> j.put("stageBuild", "c0ffee/42")))
          .hasMessageContaining("\"stageBuild\" is not an object");
      assertThatThrownBy(() -> read(j -> j.put("note", 42)))
          .hasMessageContaining("\"note\" is not a string, or null");
      assertThatThrownBy(() -> read(j -> service(j, 1).put("name", "api-gateway")))
          .hasMessageContaining("\"services[1].name\" is not a service not listed before");
    }

    @Test
    void a_service_from_the_stage_when_no_build_was_found_there_is_unreadable() {
      assertThatThrownBy(() -> read(j -> j.putNull("stageBuild")))
          .hasMessageContaining(
              "\"services[1].build\" is not \"candidate\" when stageBuild is null");
    }

    private RollingUpdateReader.Description read(Consumer<ObjectNode> change) throws Exception {
      ObjectNode file = (ObjectNode) json.readTree(DESCRIPTION);
      change.accept(file);
      Path path = root.resolve("rolling-update.json");
      return reader.describe(path, json.writeValueAsBytes(file));
    }

    private ObjectNode service(ObjectNode file, int index) {
      return (ObjectNode) file.get("services").get(index);
    }
  }

  @Nested
  class FoldersThatCannotBeJudged {

    @Test
    void a_bad_description_is_a_problem_of_the_e2e_layer_naming_the_file_and_the_field()
        throws Exception {
      tree().putTree(REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling", RUNS);
      Path description = root.resolve(RUNS + "fleet-core/rolling-update.json");
      ObjectNode file = (ObjectNode) json.readTree(description.toFile());
      file.put("schemaVersion", 2);
      json.writeValue(description.toFile(), file);

      LayerEvidence e2e = collect().of(Layer.E2E);

      assertThat(e2e.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.file()).isEqualTo(description);
                assertThat(problem.reason()).contains("schemaVersion 2 is newer");
              });
      assertThat(e2e.rollingUpdates()).hasSize(1);
    }

    @Test
    void results_without_their_description_are_a_problem() throws Exception {
      tree().putTree(REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling", RUNS);
      Files.delete(root.resolve(RUNS + "fleet-core/rolling-update.json"));

      LayerEvidence e2e = collect().of(Layer.E2E);

      assertThat(e2e.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.file())
                    .isEqualTo(
                        root.resolve(RUNS + "fleet-core/TEST-dev.pyramid.e2e.EtaBufferFlagIT.xml"));
                assertThat(problem.reason())
                    .contains("results of a rolling update run without its rolling-update.json")
                    .contains("which build each service ran from is unknown");
              });
    }

    @Test
    void a_description_without_results_beside_it_is_a_problem() throws Exception {
      BuildTree tree = tree();
      tree.putTree(REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling", RUNS);
      try (Stream<Path> files = Files.list(root.resolve(RUNS + "api-gateway"))) {
        for (Path file : files.toList()) {
          if (file.getFileName().toString().startsWith("TEST-")) {
            Files.delete(file);
          }
        }
      }
      Files.delete(root.resolve(RUNS + "api-gateway/failsafe-summary.xml"));

      LayerEvidence e2e = collect().of(Layer.E2E);

      assertThat(e2e.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.file())
                    .isEqualTo(root.resolve(RUNS + "api-gateway/rolling-update.json"));
                assertThat(problem.reason())
                    .startsWith("a rolling update run without results: no JUnit XML (TEST-*.xml)");
              });
      assertThat(e2e.rollingUpdates())
          .singleElement()
          .satisfies(
              run ->
                  assertThat(run.source())
                      .isEqualTo(root.resolve(RUNS + "fleet-core/rolling-update.json")));
    }

    @Test
    void a_fork_that_timed_out_is_a_problem_as_for_the_layer_s_own_results() throws Exception {
      BuildTree tree = tree();
      tree.putTree(REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling", RUNS);
      Path summary = root.resolve(RUNS + "fleet-core/failsafe-summary.xml");
      Files.copy(
          BuildTree.resource(
              "real/surefire-traces/failsafe-timeout/failsafe-reports/failsafe-summary.xml"),
          summary,
          StandardCopyOption.REPLACE_EXISTING);

      LayerEvidence e2e = collect().of(Layer.E2E);

      assertThat(e2e.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.file()).isEqualTo(summary);
                assertThat(problem.reason()).contains("a forked JVM timed out");
              });
    }

    @Test
    void a_summary_counting_more_than_the_run_s_reports_is_a_problem() throws Exception {
      tree().putTree(REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling", RUNS);
      Files.delete(root.resolve(RUNS + "fleet-core/TEST-dev.pyramid.e2e.RideFailuresIT.xml"));

      LayerEvidence e2e = collect().of(Layer.E2E);

      assertThat(e2e.problems())
          .singleElement()
          .satisfies(
              problem ->
                  assertThat(problem.reason())
                      .contains("Failsafe's summary counts 15 tests")
                      .contains("hold fewer: 11"));
    }

    @Test
    void a_junit_glob_that_also_reads_the_mixed_runs_is_a_problem_not_a_count() throws Exception {
      tree().putTree(REAL + "production-runs-c0ffee-42/failsafe-reports", REPORTS);
      Sources wide =
          new Sources(
              Map.of(
                  Layer.E2E,
                  Sources.defaults()
                      .of(Layer.E2E)
                      .with("junit", List.of("**/target/failsafe-reports/**/TEST-*.xml"))));

      LayerEvidence e2e =
          new EvidenceCollector().collect(List.of(root), wide).evidence().of(Layer.E2E);

      assertThat(e2e.problems())
          .hasSize(10)
          .allSatisfy(
              problem ->
                  assertThat(problem.reason())
                      .startsWith(
                          "read both as the layer's own test results (its junit globs) and as a"
                              + " rolling update run's"));
    }
  }

  private BuildTree tree() {
    return new BuildTree(root);
  }

  private Evidence collect() {
    return new EvidenceCollector().collect(List.of(root)).evidence();
  }
}
