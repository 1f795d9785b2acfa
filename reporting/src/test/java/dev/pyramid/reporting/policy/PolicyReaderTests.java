package dev.pyramid.reporting.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.results.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class PolicyReaderTests {

  private static final String VALID = """
      version: 1
      promotion:
        path: [dev, staging, production]
      stages:
        dev:
          require: [unit]
        staging:
          require: [unit, contract, e2e]
        production:
          require: [unit, contract, e2e, perf]
      conditions:
        unit:     { min-tests: 1, max-failures: 0 }
        contract: { min-tests: 1, max-failures: 0, all-interactions-verified: true }
        e2e:      { min-tests: 1, max-failures: 0 }
        perf:     { all-assertions-pass: true }
      """;

  @TempDir
  Path dir;

  private final PolicyReader reader = new PolicyReader();

  @Test
  void reads_the_repository_policy() throws Exception {
    // Surefire runs in the module directory; the policy lies at the repository root.
    Policy policy = reader.read(Path.of("..", "quality-gate.yml"));

    assertThat(policy.path()).containsExactly("dev", "staging", "production");
    assertThat(policy.stage("production").orElseThrow().require())
        .containsExactly(Layer.UNIT, Layer.CONTRACT, Layer.E2E, Layer.PERF);
    assertThat(policy.conditionsOn(Layer.CONTRACT).allInteractionsVerified()).isTrue();
  }

  @Test
  void an_unknown_key_names_its_line() {
    assertThatThrownBy(() -> read(VALID.replace("max-failures: 0 }\n  contract", "max-failure: 0 }\n  contract")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:12")
        .hasMessageContaining("max-failure");
  }

  @Test
  void a_wrong_type_names_its_line_and_key() {
    assertThatThrownBy(() -> read(VALID.replace("e2e:      { min-tests: 1", "e2e:      { min-tests: many")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:14")
        .hasMessageContaining("conditions.e2e.min-tests");
  }

  @Test
  void an_unknown_layer_names_its_line() {
    assertThatThrownBy(() -> read(VALID.replace("require: [unit, contract, e2e]", "require: [unit, contract, smoke]")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:8")
        .hasMessageContaining("stages.staging.require[2]")
        .hasMessageContaining("unknown layer \"smoke\"");
  }

  @Test
  void a_stage_not_on_the_path_names_its_line() {
    assertThatThrownBy(() -> read(VALID.replace("  dev:\n    require: [unit]", "  qa:\n    require: [unit]")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:5")
        .hasMessageContaining("stage \"qa\" is not on the promotion path");
  }

  @Test
  void a_condition_on_the_wrong_layer_names_its_line() {
    assertThatThrownBy(() -> read(VALID.replace("unit:     { min-tests: 1,", "unit:     { all-assertions-pass: true, min-tests: 1,")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:12")
        .hasMessageContaining("applies to the perf layer only");
  }

  @Test
  void an_unsupported_version_is_an_error() {
    assertThatThrownBy(() -> read(VALID.replace("version: 1", "version: 2")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:1")
        .hasMessageContaining("version 2 is not supported");
  }

  @Test
  void a_missing_file_is_an_error() {
    assertThatThrownBy(() -> reader.read(dir.resolve("absent.yml")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("no such policy file");
  }

  private Policy read(String yaml) throws Exception {
    Path file = dir.resolve("policy.yml");
    Files.writeString(file, yaml);
    return reader.read(file);
  }
}
