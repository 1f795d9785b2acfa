package dev.pyramid.reporting.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import org.junit.jupiter.api.Test;

/** The categories sort this project's real failure messages, each into exactly one category. */
@UnitTest
class CategoriesTests {

  /**
   * Pact JVM 4.7.5's assertion message of a broken interaction (captured from a real failing
   * verification).
   */
  private static final String PACT_FAILURE =
      """
      api-gateway - Upon a cancellation of an assigned ride\s
      Failures:

      1) Verifying a pact between api-gateway and fleet-core - a cancellation of an assigned ride has a matching body

          1.1) body: $.status Expected 'CANCELLED' (String) to be equal to 'CANCELED' (String)
      """;

  @Test
  void should_file_a_pact_mismatch_as_contract_broken() {
    assertThat(Categories.of("failed", PACT_FAILURE)).containsExactly("Contract broken");
    assertThat(
            Categories.of(
                "failed",
                "Pact verification of api-gateway -> fleet-core failed for 'a ride'; has a matching body (FAILED)"))
        .containsExactly("Contract broken");
    assertThat(
            Categories.of(
                "failed",
                "[gate: Contract broken] contract.all-interactions-verified: expected all verified, actual 4/5 -> fail"))
        .containsExactly("Contract broken");
  }

  @Test
  void should_file_gatling_and_gate_perf_failures_as_performance_regression() {
    assertThat(
            Categories.of(
                "failed",
                "Gatling assertion KO: Global: 95th percentile of response time is less than 800; actual 950"))
        .containsExactly("Performance regression");
    assertThat(
            Categories.of(
                "failed",
                "[gate: Performance regression] perf.p95: expected <= 2000, actual 2400 -> fail"))
        .containsExactly("Performance regression");
  }

  @Test
  void should_file_fixture_and_database_start_failures_as_infrastructure() {
    assertThat(
            Categories.of(
                "broken",
                "PostgreSQL at jdbc:postgresql://127.0.0.1:1/x did not accept a connection"
                    + " as user postgres: Connection refused. Fix: check pyramid.postgres.url"))
        .containsExactly("Infrastructure");
    assertThat(
            Categories.of(
                "broken",
                "PostgreSQL provider testcontainers needs a container engine, and none answered"))
        .containsExactly("Infrastructure");
    assertThat(
            Categories.of(
                "broken",
                "[gate: Infrastructure] e2e.min-tests: expected >= 1, actual 0 -> missing (gate evidence missing)"))
        .containsExactly("Infrastructure");
  }

  @Test
  void should_file_an_unfit_suite_or_a_crashed_test_as_test_defect() {
    assertThat(
            Categories.of(
                "failed",
                "[gate: Test defects] shape.pyramid-shape: expected unit >= contract >= e2e, actual unit 1, contract 10"))
        .containsExactly("Test defects");
    assertThat(
            Categories.of(
                "broken", "java.lang.NullPointerException: Cannot invoke \"String.length()\""))
        .containsExactly("Test defects");
  }

  @Test
  void should_file_a_failed_assertion_on_the_product_as_product_defect() {
    assertThat(Categories.of("failed", "expected: <201> but was: <500>"))
        .containsExactly("Product defects");
    assertThat(
            Categories.of(
                "failed",
                "[gate: Product defects] e2e.max-failures: expected <= 0, actual 2 -> fail"))
        .containsExactly("Product defects");
    assertThat(Categories.of("passed", "expected: <201> but was: <500>")).isEmpty();
  }

  @Test
  void should_file_a_gate_result_by_its_tag_whatever_its_id_and_note_say() {
    assertThat(
            Categories.of(
                "failed",
                "[gate: Performance regression] latency-budget: expected <= 2000, actual 2400"
                    + " -> fail; Connection refused in the note"))
        .containsExactly("Performance regression");
    assertThat(
            Categories.of(
                "failed",
                "[gate: Product defects] contract.max-failures-but-named-oddly: expected <= 0,"
                    + " actual 1 -> fail; not verified: a ride has a matching body"))
        .containsExactly("Product defects");
  }

  @Test
  void should_name_in_each_category_the_gate_condition_kinds_filed_there() {
    assertThat(Categories.all())
        .filteredOn(c -> "Performance regression".equals(c.get("name")))
        .singleElement()
        .satisfies(
            c ->
                assertThat((String) c.get("description"))
                    .contains("all-assertions-pass, p95, p99, max, error-pct, throughput"));
    assertThat(Categories.all())
        .filteredOn(c -> "Contract broken".equals(c.get("name")))
        .singleElement()
        .satisfies(
            c ->
                assertThat((String) c.get("description"))
                    .contains("max-failures (contract), all-interactions-verified"));
  }

  @Test
  void should_write_valid_json_with_a_flaky_category() {
    assertThat(Categories.json()).contains("\"Flaky tests\"").contains("\"flaky\" : true");
  }
}
