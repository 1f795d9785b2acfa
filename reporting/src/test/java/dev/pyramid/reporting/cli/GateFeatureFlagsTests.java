package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The flag conditions end to end: {@code pyramid gate} for production on a build whose e2e layer
 * carries the real flag evaluations of the flag journeys (real/flag-evaluations), judged against a
 * registry and production's flag file as the policy names them.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateFeatureFlagsTests {
  private static final String REAL = "real/flag-evaluations/";
  private static final String EVALUATIONS = "e2e-tests/target/pyramid/flag-evaluations/e2e-1.json";
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @TempDir Path root;
  @TempDir Path work;

  private GateRuns runs;
  private BuildTree tree;

  @BeforeEach
  void policyFlagsAndBuild() throws Exception {
    Path policy =
        Files.writeString(
            work.resolve("quality-gate.yml"),
            """
            version: 1
            promotion:
              path: [staging, production]
            flags:
              registry: flags/registry.flagd.json
              stages: flags/stages
            lanes:
              default:
                stages:
                  staging:
                    require: [unit]
                    conditions:
                      - { layer: unit, max-failures: 0 }
                  production:
                    require: [unit, contract, e2e]
                    conditions:
                      - { layer: e2e, max-failures: 0 }
                      - { flags-registered: true }
                      - { flag-variants-tested: true }
                      - { flag-removal-dates: true, warn-days: 14 }
                      - { stage-flags-tested: true }
            """);
    runs = new GateRuns(policy, work);
    Files.createDirectories(work.resolve("flags/stages"));
    Files.writeString(work.resolve("flags/registry.flagd.json"), registry("2027-06-30", "true"));
    Files.write(
        work.resolve("flags/stages/production.flagd.json"),
        resource(REAL + "production.flagd.json"));
    tree = new BuildTree(root).stagingPasses();
    tree.write(
        EVALUATIONS, new String(resource(REAL + "e2e-evaluations.json"), StandardCharsets.UTF_8));
  }

  /** The platform's registry with eta-buffer's removal date and wide-pickup's "on" value given. */
  private static String registry(String etaBufferRemoval, String widePickupOn) {
    String created = TODAY.minusYears(1).toString();
    String wideRemoval = TODAY.plusDays(200).toString();
    return """
        {
          "flags": {
            "eta-buffer": {
              "state": "ENABLED",
              "variants": { "on": true, "off": false },
              "defaultVariant": "off",
              "metadata": { "owner": "team-dispatch", "description": "ETA buffer",
                            "kind": "release", "created": "%s", "removal": "%s" }
            },
            "wide-pickup": {
              "state": "ENABLED",
              "variants": { "on": %s, "off": false },
              "defaultVariant": "off",
              "metadata": { "owner": "team-rides", "description": "wider pickup",
                            "kind": "release", "created": "%s", "removal": "%s" }
            }
          }
        }
        """
        .formatted(created, etaBufferRemoval, widePickupOn, created, wideRemoval);
  }

  private void registry(String text) throws IOException {
    Files.writeString(work.resolve("flags/registry.flagd.json"), text);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = GateFeatureFlagsTests.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  private String gate(String buildId, int exit) throws Exception {
    return ConsoleCapture.capture(
        () -> {
          runs.stamp(root, buildId);
          assertThat(runs.gate("production", root, buildId)).isEqualTo(exit);
        });
  }

  @Test
  void the_real_flag_journeys_pass_every_flag_condition() throws Exception {
    String out = gate("b1", 0);

    assertThat(out)
        .containsPattern("all\\.flags-registered +blocking +all registered +all 2 registered +pass")
        .containsPattern("all\\.flag-variants-tested .* 4 of 4 tested +pass")
        .containsPattern("all\\.flag-removal-dates .* 0 expired, 0 due within 14 days +pass")
        .containsPattern("e2e\\.stage-flags-tested .* 1 passed with sha256 82a560d0b3c9 +pass")
        .contains("PROMOTE to production");
  }

  @Test
  void a_flag_evaluated_in_code_but_missing_from_the_registry_blocks_naming_a_test()
      throws Exception {
    String evaluations =
        Files.readString(root.resolve(EVALUATIONS))
            .replaceFirst("\"flag\" : \"wide-pickup\"", "\"flag\" : \"surge-pricing\"");
    tree.write(EVALUATIONS, evaluations);

    String out = gate("b2", 1);

    assertThat(out)
        .contains(
            "    - surge-pricing: evaluated by"
                + " dev.pyramid.e2e.EtaBufferFlagIT#the_eta_includes_the_buffer_only_while_the_flag_is_on"
                + " [eta-buffer=on] (e2e)")
        .contains("1 unknown: surge-pricing")
        .contains("BLOCK");
  }

  @Test
  void a_variant_no_test_exercised_blocks_naming_the_flag_the_variant_and_the_owner()
      throws Exception {
    registry(
        registry("2027-06-30", "true")
            .replace(
                "\"variants\": { \"on\": true, \"off\": false },\n      \"defaultVariant\": \"off\",\n      \"metadata\": { \"owner\": \"team-dispatch\"",
                "\"variants\": { \"on\": true, \"off\": false, \"long\": true },\n      \"defaultVariant\": \"off\",\n      \"metadata\": { \"owner\": \"team-dispatch\""));

    String out = gate("b3", 1);

    assertThat(out)
        .contains("4 of 5 tested")
        .contains(
            "    - eta-buffer=long (owner team-dispatch): no passing test of unit, contract, e2e evaluated it")
        .contains("BLOCK");
  }

  @Test
  void an_expired_flag_blocks_naming_its_owner_and_one_due_soon_is_a_warning() throws Exception {
    registry(registry("2026-01-01", "true"));

    String expired = gate("b4", 1);

    assertThat(expired)
        .contains(
            "    - expired: eta-buffer (release, owner team-dispatch): removal date 2026-01-01 passed")
        .contains("BLOCK");

    registry(registry(TODAY.plusDays(3).toString(), "true"));
    String dueSoon = gate("b5", 0);
    assertThat(dueSoon)
        .contains("0 expired, 1 due within 14 days")
        .contains(
            "    - warning: eta-buffer (release, owner team-dispatch): due for removal on "
                + TODAY.plusDays(3)
                + ", in 3 day(s)");
  }

  @Test
  void journeys_with_another_version_of_the_stages_flag_file_do_not_count() throws Exception {
    Path production = work.resolve("flags/stages/production.flagd.json");
    Files.writeString(
        production,
        Files.readString(production)
            .replace("[\"rider-pilot-1\"]", "[\"rider-pilot-1\", \"rider-pilot-2\"]"));

    String out = gate("b6", 1);

    assertThat(out).contains("1 run(s) used another version of " + production).contains("BLOCK");
  }

  @Test
  void flag_files_that_cannot_be_used_are_an_error_naming_file_line_and_flag_never_a_decision()
      throws Exception {
    Path registry = work.resolve("flags/registry.flagd.json");
    registry("{ \"flags\": { \"eta-buffer\": { \"state\": \"ENABLED\",, } } }");
    assertThat(gate("b7", 3)).contains("Flag file error: " + registry + ":1: is not JSON");

    registry(registry("end of June", "true"));
    assertThat(gate("b8", 3))
        .contains(
            "Flag file error: "
                + registry
                + ":8: flag \"eta-buffer\": metadata \"removal\" is \"end of June\", which is not a"
                + " date (yyyy-mm-dd)");

    registry(registry("2027-06-30", "true"));
    Path production = work.resolve("flags/stages/production.flagd.json");
    Files.writeString(
        production,
        Files.readString(production)
            .replaceFirst(
                "\"on\": true, \"off\": false", "\"on\": true, \"off\": false, \"half\": true"));
    assertThat(gate("b9", 3))
        .contains(
            "Flag file error: "
                + production
                + ":6: flag \"eta-buffer\": variant \"half\" is not in the registry");
    assertThat(work.resolve("out-b9/decision.json")).doesNotExist();
  }

  @Test
  void an_evaluation_file_that_cannot_be_read_leaves_the_flag_conditions_incomplete()
      throws Exception {
    tree.write(
        EVALUATIONS,
        Files.readString(root.resolve(EVALUATIONS))
            .replaceFirst("\"outcome\" : \"passed\"", "\"outcome\" : \"green\""));

    String out = gate("b10", 2);

    assertThat(out).contains("\"tests[0].outcome\"").contains("INCOMPLETE");
  }
}
