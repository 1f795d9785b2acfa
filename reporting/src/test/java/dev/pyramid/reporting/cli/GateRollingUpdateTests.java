package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.internal.files.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code rolling-update-verified} end to end: a build promoted to production keeps its services'
 * jars; later candidates carry the runs the framework's e2e journeys write after finding
 * production's build by its pointer ({@code history.deployed/stages/production.json}) and its jars
 * by the manifest there, each run's JUnit XML the real reports of such a run (real/rolling-update);
 * the gate holds them to the build the history says production runs.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateRollingUpdateTests {

  private static final String RUNS = "e2e-tests/target/failsafe-reports/e2e-rolling/";
  private static final String REAL = "real/rolling-update/";

  /** Each service and its jar, as the reference platform builds them. */
  private static final Map<String, String> JARS =
      Map.of(
          "fleet-core", "platform/fleet-core/target/fleet-core-0.1.0-all.jar",
          "api-gateway", "platform/api-gateway/target/api-gateway-0.1.0-all.jar");

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path root;
  @TempDir Path work;

  private GateRuns runs;
  private BuildTree tree;

  @BeforeEach
  void policyAndBuild() throws Exception {
    Path policy =
        Files.writeString(
            work.resolve("quality-gate.yml"),
            """
            version: 1
            promotion:
              path: [production]
            deployed:
              artifacts: ["platform/*/target/*-all.jar"]
            lanes:
              default:
                stages:
                  production:
                    require: [unit, contract, e2e]
                    conditions:
                      - { rolling-update-verified: true }
            """);
    runs = new GateRuns(policy, work);
    tree = new BuildTree(root).stagingPasses();
    JARS.forEach((service, jar) -> tree.write(jar, "not a real jar of " + service + ", build 1"));
  }

  @Test
  void both_mixes_passing_against_what_production_runs_promote_and_a_failed_journey_blocks()
      throws Exception {
    String first = ConsoleCapture.capture(() -> assertThat(gate("b1")).isZero());
    assertThat(first).contains("e2e.rolling-update-verified").contains("no-baseline");
    promote("b1");

    runAgainstThePointedBuild();
    String passing = ConsoleCapture.capture(() -> assertThat(gate("b2")).isZero());
    assertThat(passing)
        .contains("2 mixed runs, 26 journeys passed against c0ffee/b1")
        .contains("PROMOTE");

    failJourney("fleet-core", "rider_books_a_ride_near_the_station_and_looks_it_up");
    String failing = ConsoleCapture.capture(() -> assertThat(gate("b3")).isEqualTo(1));
    assertThat(failing)
        .contains(
            "    - dev.pyramid.e2e.RideBookingJourneyIT#rider_books_a_ride_near_the_station_and"
                + "_looks_it_up fails with fleet-core from production's build c0ffee/b1,"
                + " api-gateway from the candidate: expected status 201 but was 500")
        .contains("2 mixed runs, 25 journeys passed, 1 failed against c0ffee/b1")
        .contains("BLOCK");
  }

  @Test
  void runs_against_an_older_build_block_and_after_a_rollback_they_are_the_build_production_runs()
      throws Exception {
    ConsoleCapture.capture(() -> assertThat(gate("b1")).isZero());
    promote("b1");
    JsonNode b1 = pointer();
    JARS.forEach((service, jar) -> tree.write(jar, "not a real jar of " + service + ", build 2"));
    runAgainst(b1);
    ConsoleCapture.capture(() -> assertThat(gate("b2")).isZero());
    promote("b2");

    String stale = ConsoleCapture.capture(() -> assertThat(gate("b3")).isEqualTo(1));
    assertThat(stale)
        .contains("rolling-update.json: ran against c0ffee/b1, production runs c0ffee/b2")
        .contains(
            "    - production's " + JARS.get("fleet-core") + " never served beside the candidate\n")
        .contains("no mixed run ran journeys against c0ffee/b2")
        .contains("BLOCK");

    ConsoleCapture.capture(() -> assertThat(runs.rollback("production")).isZero());
    String rolledBack = ConsoleCapture.capture(() -> assertThat(gate("b4")).isZero());
    assertThat(rolledBack).contains("2 mixed runs, 26 journeys passed against c0ffee/b1");
  }

  @Test
  void runs_whose_journeys_were_all_skipped_block_saying_why() throws Exception {
    ConsoleCapture.capture(() -> assertThat(gate("b1")).isZero());
    promote("b1");

    // What the e2e module writes when it finds no build at production (real files).
    tree.putTree(REAL + "no-build-at-production/failsafe-reports/e2e-rolling", RUNS);
    String none = ConsoleCapture.capture(() -> assertThat(gate("b2")).isEqualTo(1));
    assertThat(none)
        .contains(
            "fleet-core/rolling-update.json: the e2e journeys found no build at production"
                + " (production runs no build promoted with pyramid promote:")
        .contains("-Dpyramid.history=<history file>")
        .contains("BLOCK");

    // Production's build found, every journey skipped all the same: nothing was verified.
    tree.delete(RUNS);
    JsonNode b1 = pointer();
    for (String service : JARS.keySet()) {
      tree.putTree(
          REAL + "no-build-at-production/failsafe-reports/e2e-rolling/" + service, RUNS + service);
      Files.delete(root.resolve(RUNS + service + "/rolling-update.json"));
      describe(b1, service);
    }
    String skipped = ConsoleCapture.capture(() -> assertThat(gate("b3")).isEqualTo(1));
    assertThat(skipped)
        .contains(
            "api-gateway/rolling-update.json: no journey ran with api-gateway from production's"
                + " build c0ffee/b1, fleet-core from the candidate (15 of 15 skipped): Skipped:"
                + " this rolling-update run")
        .contains("BLOCK");
  }

  @Test
  void a_run_changed_after_the_stamp_is_refused_like_every_result_file() throws Exception {
    ConsoleCapture.capture(() -> assertThat(gate("b1")).isZero());
    promote("b1");
    runAgainstThePointedBuild();
    runs.stamp(root, "b2");
    Path edited = root.resolve(RUNS + "fleet-core/rolling-update.json");
    Files.writeString(edited, Files.readString(edited).replace("\"stage\"", "\"candidate\""));

    String changed =
        ConsoleCapture.capture(() -> assertThat(runs.gate("production", root, "b2")).isEqualTo(2));

    assertThat(changed).contains(edited + ": changed after stamping").contains("INCOMPLETE");
  }

  /** The framework's part: a run per service against the build production's pointer names. */
  private void runAgainstThePointedBuild() throws Exception {
    runAgainst(pointer());
  }

  /**
   * Writes, for each service, a run with that service from the build {@code pointer} names and the
   * other from this build: the real reports of such a run and its description.
   */
  private void runAgainst(JsonNode pointer) throws Exception {
    for (String service : JARS.keySet()) {
      if (Files.exists(root.resolve(RUNS + service))) {
        tree.delete(RUNS + service);
      }
      tree.putTree(
          REAL + "production-runs-c0ffee-42/failsafe-reports/e2e-rolling/" + service,
          RUNS + service);
      Files.delete(root.resolve(RUNS + service + "/rolling-update.json"));
      describe(pointer, service);
    }
  }

  /**
   * The run's rolling-update.json: {@code fromStage} from the pointed build, the rest from this.
   */
  private void describe(JsonNode pointer, String fromStage) throws Exception {
    Path kept = work.resolve("history.deployed").resolve(pointer.get("dir").asText());
    JsonNode files = json.readTree(kept.resolve("manifest.json").toFile()).get("files");
    ObjectNode description = json.createObjectNode();
    description.put("pyramid", "rolling-update").put("schemaVersion", 1);
    description.put("stage", "production");
    description
        .putObject("stageBuild")
        .put("commit", pointer.get("commit").asText())
        .put("buildId", pointer.get("buildId").asText());
    ArrayNode services = description.putArray("services");
    for (String service : JARS.keySet().stream().sorted().toList()) {
      ObjectNode started = services.addObject().put("name", service);
      if (service.equals(fromStage)) {
        started.put("build", "stage");
        for (JsonNode file : files) {
          if (file.get("path").asText().equals(JARS.get(service))) {
            started
                .putObject("artifact")
                .put("path", file.get("path").asText())
                .put("sha256", file.get("sha256").asText());
          }
        }
      } else {
        started.put("build", "candidate");
        started
            .putObject("artifact")
            .put("path", JARS.get(service))
            .put("sha256", Sha256.of(root.resolve(JARS.get(service))));
      }
    }
    Files.writeString(
        root.resolve(RUNS + fromStage + "/rolling-update.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(description));
  }

  /** Makes one journey of {@code service}'s run fail, as Failsafe writes a failed assertion. */
  private void failJourney(String service, String journey) throws Exception {
    Path report = root.resolve(RUNS + service + "/TEST-dev.pyramid.e2e.RideBookingJourneyIT.xml");
    String xml = Files.readString(report);
    String passed =
        "<testcase name=\""
            + journey
            + "\" classname=\"dev.pyramid.e2e.RideBookingJourneyIT\" time=\"1.267\"/>";
    assertThat(xml).contains(passed);
    Files.writeString(
        report,
        xml.replace("failures=\"0\">", "failures=\"1\">")
            .replace(
                passed,
                passed.replace("/>", ">")
                    + "\n    <failure message=\"expected status 201 but was 500\""
                    + " type=\"java.lang.AssertionError\">java.lang.AssertionError: expected status"
                    + " 201 but was 500</failure>\n  </testcase>"));
  }

  private JsonNode pointer() throws Exception {
    return json.readTree(work.resolve("history.deployed/stages/production.json").toFile());
  }

  private int gate(String buildId) {
    runs.stamp(root, buildId);
    return runs.gate("production", root, buildId);
  }

  private void promote(String buildId) throws Exception {
    ConsoleCapture.capture(() -> assertThat(runs.promote("production", buildId, root)).isZero());
  }
}
