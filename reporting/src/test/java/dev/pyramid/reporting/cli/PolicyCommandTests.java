package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.conditions.ConditionKind;
import dev.pyramid.reporting.conditions.ConditionKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class PolicyCommandTests {

  @TempDir Path dir;

  @Test
  void explain_documents_every_condition_kind_with_its_example() throws Exception {
    int[] exit = new int[1];

    String printed =
        ConsoleCapture.capture(() -> exit[0] = PyramidCommand.run("policy", "--explain"));

    assertThat(exit[0]).isZero();
    for (ConditionKind kind : ConditionKinds.ALL) {
      assertThat(printed)
          .contains("\n" + kind.key() + "\n  " + kind.summary() + "\n")
          .contains("  example:  " + kind.example() + "\n");
    }
  }

  @Test
  void a_valid_policy_is_listed_stage_by_stage() throws Exception {
    Path policy = dir.resolve("policy.yml");
    Files.writeString(
        policy,
        """
        version: 1
        promotion:
          path: [dev, production]
        lanes:
          default:
            stages:
              dev: { require: [unit], conditions: [ { layer: unit, max-failures: 0 } ] }
              production: { require: [unit, perf], conditions: [ { p95: 800, blocking: false, weight: 2 } ] }
        """);
    int[] exit = new int[1];

    String printed =
        ConsoleCapture.capture(
            () -> exit[0] = PyramidCommand.run("policy", "--policy", policy.toString()));

    assertThat(exit[0]).isZero();
    assertThat(printed)
        .contains("valid")
        .contains("promotion path: dev -> production")
        .contains("  dev: requires [unit]; unit.max-failures <= 0")
        .contains("  production: requires [unit, perf]; perf.p95 <= 800 (weight 2.0)");
  }

  @Test
  void an_invalid_policy_is_a_policy_error_naming_file_line_and_key() throws Exception {
    Path policy = dir.resolve("policy.yml");
    Files.writeString(
        policy,
        """
        version: 1
        promotion:
          path: [dev]
        lanes:
          default:
            stages:
              dev: { require: [unit], conditions: [ { layer: unit, max-failures: -1 } ] }
        """);
    int[] exit = new int[1];

    String printed =
        ConsoleCapture.capture(
            () -> exit[0] = PyramidCommand.run("policy", "--policy", policy.toString()));

    assertThat(exit[0]).isEqualTo(3);
    assertThat(printed)
        .contains("Policy error: " + policy + ":7")
        .contains("max-failures")
        .contains("must be 0 or more, is -1");
  }
}
