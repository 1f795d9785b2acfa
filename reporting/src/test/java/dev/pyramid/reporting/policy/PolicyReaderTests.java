package dev.pyramid.reporting.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.conditions.Condition;
import dev.pyramid.reporting.results.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class PolicyReaderTests {

  // Line numbers below are asserted: keep this text's layout.
  private static final String VALID =
      """
      version: 1
      promotion:
        path: [dev, prod]
      lanes:
        default:
          score: { pass: 90, warn: 60 }
          stages:
            dev:
              require: [unit]
              conditions:
                - { layer: unit, max-failures: 0 }
            prod:
              require: [unit, contract, e2e, perf]
              conditions:
                - { layer: unit, min-tests: 10 }
                - { min-line-coverage: 80, blocking: false, weight: 2 }
                - { p95: "<=+10%", request: "book a ride" }
                - { throughput: 5 }
                - { pyramid-shape: true, blocking: false }
        hotfix:
          stages:
            dev: { require: [unit] }
            prod: { require: [unit] }
      """;

  @TempDir Path dir;

  private final PolicyReader reader = new PolicyReader();

  @Test
  void reads_the_repository_policy() throws Exception {
    // Surefire runs in the module directory; the policy lies at the repository root.
    Policy policy = reader.read(Path.of("..", "quality-gate.yml"));

    assertThat(policy.path()).containsExactly("dev", "staging", "production");
    Policy.Stage production =
        policy.lane("default").orElseThrow().stage("production").orElseThrow();
    assertThat(production.require())
        .containsExactly(Layer.UNIT, Layer.CONTRACT, Layer.E2E, Layer.UI, Layer.PERF);
    assertThat(production.conditions())
        .extracting(Condition::id)
        .contains("contract.all-interactions-verified", "ui.max-failures");
    assertThat(policy.lane("hotfix")).isPresent();
  }

  @Test
  void reads_every_condition_kind_with_its_threshold() throws Exception {
    Policy.Stage prod = read(VALID).lane("default").orElseThrow().stage("prod").orElseThrow();

    assertThat(prod.conditions())
        .extracting(Condition::id)
        .containsExactly(
            "unit.min-tests",
            "unit.min-line-coverage",
            "perf.p95[book a ride]",
            "perf.throughput",
            "shape.pyramid-shape");
    Condition relative = prod.conditions().get(2);
    assertThat(relative.threshold().relative()).isTrue();
    assertThat(relative.threshold().limit(200))
        .isEqualTo(220.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(prod.conditions().get(3).threshold().op()).isEqualTo(">=");
    assertThat(prod.conditions().get(1).blocking()).isFalse();
    assertThat(prod.conditions().get(1).weight()).isEqualTo(2.0);
    assertThat(prod.conditions().get(1).line()).isEqualTo(16);
  }

  @Test
  void reads_what_promote_keeps_of_a_build_for_its_stage() throws Exception {
    Policy policy =
        read(
            VALID
                + """
                deployed:
                  artifacts: ["platform/*/target/*.jar"]
                  api: ["platform/*/src/main/resources/openapi/*.yaml"]
                """);

    assertThat(policy.deployed().globs())
        .containsExactly(
            java.util.Map.entry("api", List.of("platform/*/src/main/resources/openapi/*.yaml")),
            java.util.Map.entry("artifacts", List.of("platform/*/target/*.jar")));
    assertThat(read(VALID).deployed()).isEqualTo(Policy.Deployed.NOTHING);
  }

  @Test
  void a_kind_promote_does_not_keep_is_refused_naming_its_line() {
    assertFails(
        VALID + "deployed:\n  images: [\"*.tar\"]\n",
        "policy.yml:" + (VALID.split("\n").length + 2),
        "images");
  }

  @Test
  void an_unknown_key_names_its_line() {
    assertFails(
        VALID.replace("{ layer: unit, max-failures: 0 }", "{ layer: unit, max-failure: 0 }"),
        "policy.yml:11",
        "max-failure");
  }

  @Test
  void a_wrong_type_names_its_line_and_key() {
    assertFails(
        VALID.replace("min-tests: 10", "min-tests: many"),
        "policy.yml:15",
        "lanes.default.stages.prod.conditions[0].min-tests");
  }

  @Test
  void a_negative_count_is_impossible() {
    assertFails(
        VALID.replace("max-failures: 0", "max-failures: -1"), "policy.yml:11", "must be 0 or more");
  }

  @Test
  void warn_above_pass_is_impossible() {
    assertFails(VALID.replace("warn: 60", "warn: 95"), "policy.yml:6", "warn must be <= pass");
  }

  @Test
  void a_coverage_above_100_percent_is_impossible() {
    assertFails(
        VALID.replace("min-line-coverage: 80", "min-line-coverage: 180"),
        "policy.yml:16",
        "from 0 to 100");
  }

  @Test
  void a_relative_bound_in_the_wrong_direction_is_an_error() {
    assertFails(VALID.replace("\"<=+10%\"", "\">=+10%\""), "policy.yml:17", "bounded with <=");
  }

  @Test
  void an_unknown_layer_names_its_line() {
    assertFails(
        VALID.replace(
            "require: [unit, contract, e2e, perf]", "require: [unit, contract, smoke, perf]"),
        "policy.yml:13",
        "unknown layer \"smoke\"");
  }

  @Test
  void a_stage_not_on_the_path_names_its_line() {
    assertFails(
        VALID.replace("      dev: { require: [unit] }", "      qa: { require: [unit] }"),
        "policy.yml:22",
        "stage \"qa\" is not on the promotion path");
  }

  @Test
  void a_lane_that_skips_a_stage_is_an_error() {
    assertFails(
        VALID.replace("      dev: { require: [unit] }\n", ""),
        "lanes.hotfix.stages",
        "every lane takes every stage");
  }

  @Test
  void a_condition_on_a_layer_the_stage_does_not_require_is_an_error() {
    assertFails(
        VALID.replace("{ layer: unit, max-failures: 0 }", "{ layer: e2e, max-failures: 0 }"),
        "policy.yml:11",
        "not required by this stage");
  }

  @Test
  void a_condition_on_the_wrong_layer_names_its_line() {
    assertFails(
        VALID.replace("{ throughput: 5 }", "{ throughput: 5, layer: unit }"),
        "policy.yml:18",
        "applies to the perf layer only");
  }

  @Test
  void a_weight_on_a_blocking_condition_is_an_error() {
    assertFails(
        VALID.replace("{ throughput: 5 }", "{ throughput: 5, weight: 3 }"),
        "policy.yml:18",
        "a blocking condition has no weight");
  }

  @Test
  void an_unsupported_version_is_an_error() {
    assertFails(
        VALID.replace("version: 1", "version: 2"), "policy.yml:1", "version 2 is not supported");
  }

  /** api-compatible's sunset dates, in place of the documents' x-sunset. */
  @Nested
  class SunsetDates {

    private static final String POLICY =
        """
        version: 1
        promotion:
          path: [prod]
        lanes:
          default:
            stages:
              prod:
                require: [contract]
                conditions:
                  - api-compatible: true
                    sunset:
                      v1: 2026-03-31
                      "DELETE /v1/rides/{id}": 2026-04-30
        """;

    /** The condition as POLICY writes it, from its dash to its last date. */
    private static final String BLOCK =
        "- api-compatible: true\n"
            + "            sunset:\n"
            + "              v1: 2026-03-31\n"
            + "              \"DELETE /v1/rides/{id}\": 2026-04-30";

    @Test
    void are_read_by_version_and_by_operation() throws Exception {
      Condition condition =
          read(POLICY)
              .lane("default")
              .orElseThrow()
              .stage("prod")
              .orElseThrow()
              .conditions()
              .get(0);

      assertThat(condition.optionMap("sunset"))
          .containsExactly(entry("DELETE /v1/rides/{id}", "2026-04-30"), entry("v1", "2026-03-31"));
    }

    @Test
    void a_flow_map_as_in_the_stages_lists_is_read_too() throws Exception {
      Condition condition =
          read(POLICY.replace(
                  BLOCK, "- { api-compatible: true, sunset: { \"v2\": \"2027-01-31\" } }"))
              .lane("default")
              .orElseThrow()
              .stage("prod")
              .orElseThrow()
              .conditions()
              .get(0);

      assertThat(condition.optionMap("sunset")).containsExactly(entry("v2", "2027-01-31"));
    }

    @Test
    void a_date_that_is_not_one_names_its_line_and_entry() {
      assertFails(
          POLICY.replace("v1: 2026-03-31", "v1: 31.03.2026"),
          "policy.yml:12 [lanes.default.stages.prod.conditions[0].sunset.v1]",
          "must be a date (yyyy-mm-dd), is string \"31.03.2026\"");
    }

    @Test
    void a_key_that_is_neither_an_operation_nor_a_version_names_its_line_and_the_forms() {
      assertFails(
          POLICY.replace("\"DELETE /v1/rides/{id}\"", "\"delete /v1/rides/{id}\""),
          "policy.yml:13",
          "\"delete /v1/rides/{id}\" is neither an operation (\"DELETE /v1/rides/{id}\": the method in"
              + " capitals");
    }

    @Test
    void a_single_date_is_not_a_map() {
      assertFails(
          POLICY.replace(BLOCK, "- api-compatible: true\n            sunset: 2026-03-31"),
          "policy.yml:11",
          "must be a map of operations or versions to dates");
    }

    @Test
    void another_kind_takes_no_sunset() {
      assertFails(
          POLICY.replace("api-compatible: true", "layer: contract\n            max-failures: 0"),
          "sunset",
          "max-failures takes no sunset; only [api-compatible] do");
    }
  }

  @Test
  void a_missing_file_is_an_error() {
    assertThatThrownBy(() -> reader.read(dir.resolve("absent.yml")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("no such policy file");
  }

  private void assertFails(String yaml, String where, String why) {
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(why);
  }

  private Policy read(String yaml) throws Exception {
    Path file = dir.resolve("policy.yml");
    Files.writeString(file, yaml);
    return reader.read(file);
  }
}
