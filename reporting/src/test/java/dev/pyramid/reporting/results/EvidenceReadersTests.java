package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@UnitTest
class EvidenceReadersTests {

  @Test
  void every_source_has_its_own_policy_key() {
    assertThat(EvidenceReaders.keys())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(
            "junit",
            "allure",
            "pacts",
            "pact-reports",
            "gatling",
            "jacoco",
            "openapi",
            "stage-contracts",
            "flag-evaluations",
            "endpoints",
            "rolling-update",
            "surefire-traces");
  }

  @Test
  void the_default_sources_are_each_source_s_default_globs() {
    Sources defaults = Sources.defaults();

    for (EvidenceReader<?> reader : EvidenceReaders.ALL) {
      for (Layer layer : Layer.values()) {
        assertThat(defaults.of(layer).globs(reader.key()))
            .as("%s of %s", reader.key(), layer)
            .isEqualTo(reader.defaultGlobs(layer));
      }
    }
    assertThat(defaults.of(Layer.CONTRACT).all())
        .containsExactly(
            "**/target/surefire-reports/contract/TEST-*.xml",
            "**/target/failsafe-reports/contract/TEST-*.xml",
            "**/target/pacts/*.json",
            "**/target/pact/reports/*.json",
            "**/target/classes/openapi/*.yaml",
            "**/target/classes/openapi/*.json",
            "**/target/pyramid/stage-contracts/*.json",
            "**/target/pyramid/flag-evaluations/contract-*.json",
            "**/target/pyramid/endpoints/contract-*.jsonl",
            "**/target/surefire-reports/contract/*.dump",
            "**/target/surefire-reports/contract/*.dumpstream",
            "**/target/failsafe-reports/contract/failsafe-summary.xml",
            "**/target/failsafe-reports/contract/*.dump",
            "**/target/failsafe-reports/contract/*.dumpstream");
    assertThat(defaults.of(Layer.E2E).all())
        .containsExactly(
            "**/target/failsafe-reports/e2e/TEST-*.xml",
            "**/target/pyramid/flag-evaluations/e2e-*.json",
            "**/target/pyramid/endpoints/e2e-*.jsonl",
            "**/target/failsafe-reports/e2e-rolling/*/rolling-update.json",
            "**/target/failsafe-reports/e2e-rolling/*/TEST-*.xml",
            "**/target/failsafe-reports/e2e-rolling/*/failsafe-summary.xml",
            "**/target/failsafe-reports/e2e-rolling/*/*.dump",
            "**/target/failsafe-reports/e2e-rolling/*/*.dumpstream",
            "**/target/failsafe-reports/e2e/failsafe-summary.xml",
            "**/target/failsafe-reports/e2e/*.dump",
            "**/target/failsafe-reports/e2e/*.dumpstream");
  }

  @Test
  void a_run_directory_glob_is_stamped_as_every_file_below_it() {
    assertThat(Sources.defaults().allFileGlobs())
        .contains("**/target/gatling/*/**")
        .doesNotContain("**/target/gatling/*");
  }

  @Test
  void layer_sources_refuse_a_key_no_source_has() {
    assertThatThrownBy(() -> Sources.LayerSources.NONE.with("swagger", List.of("*.yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no source \"swagger\"");
  }
}
