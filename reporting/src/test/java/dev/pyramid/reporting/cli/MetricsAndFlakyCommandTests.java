package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.metrics.SimulatedPlatform;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.quarantine.QuarantineReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code pyramid metrics} and {@code pyramid flaky} over a simulated fortnight's history. */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsAndFlakyCommandTests {

  static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");

  private Path history;
  private SimulatedPlatform.Truths truths;

  @BeforeAll
  void simulate(@TempDir Path dir) throws Exception {
    history = dir.resolve("history.jsonl");
    truths = SimulatedPlatform.write(history, 7L, FROM, 14);
  }

  private int[] exit = new int[1];

  private String run(String... args) throws Exception {
    return ConsoleCapture.capture(() -> exit[0] = PyramidCommand.run(args));
  }

  @Test
  void metrics_print_the_dora_keys_and_the_stages_and_write_json_and_the_page(@TempDir Path out)
      throws Exception {
    String printed =
        run(
            "metrics",
            "--history",
            history.toString(),
            "--since",
            "2026-11-02",
            "--until",
            "2026-11-16",
            "--json",
            out.resolve("metrics.json").toString(),
            "--html",
            out.resolve("page").toString());

    assertThat(exit[0]).isZero();
    assertThat(printed)
        .contains("Delivery metrics from 2026-11-02T00:00:00Z to 2026-11-16T00:00:00Z (14.0 days)")
        .contains("deployment frequency  " + truths.promotions.get("production") + " deployments")
        .containsPattern("staging +" + truths.promotions.get("staging") + " ")
        .doesNotContain("PARTIAL");
    assertThat(out.resolve("metrics.json")).exists();
    assertThat(out.resolve("page/index.html")).exists();
  }

  @Test
  void a_damaged_history_gives_the_metrics_of_its_readable_part_marked_partial(@TempDir Path dir)
      throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(history, StandardCharsets.UTF_8));
    int edited = indexOf(lines, "\"type\":\"decision\"", 40);
    lines.set(edited, lines.get(edited).replaceFirst("\"time\":\"2026-11-", "\"time\":\"2026-10-"));
    int newer = indexOf(lines, "\"type\":\"decision\"", 80);
    lines.set(newer, lines.get(newer).replace("\"schema\":2", "\"schema\":3"));
    Path damaged = dir.resolve("history.jsonl");
    Files.write(damaged, lines, StandardCharsets.UTF_8);
    Files.writeString(damaged, "{\"type\":\"prom", StandardOpenOption.APPEND);

    String printed =
        run(
            "metrics",
            "--history",
            damaged.toString(),
            "--since",
            "2026-11-02",
            "--until",
            "2026-11-16");

    assertThat(exit[0]).isEqualTo(ExitCode.PARTIAL.code()).isEqualTo(2);
    assertThat(printed)
        .contains("PARTIAL: 3 line(s) of the history left out; the figures cover the readable part")
        .contains(damaged + ":" + (edited + 1) + ": \"time\": \"2026-10-")
        .contains(damaged + ":" + (newer + 1) + ": written by a newer Pyramid (history schema 3")
        .contains(damaged + ":" + (lines.size() + 1) + ": the last line is torn")
        .contains("deployment frequency  " + truths.promotions.get("production") + " deployments");
    int decisions =
        truths.verdicts.get("staging").values().stream().mapToInt(Integer::intValue).sum();
    assertThat(printed)
        .containsPattern("staging +\\d+ +[\\d.]+ +\\d+ +\\d+ +" + (decisions - 2) + " ");
  }

  @Test
  void flaky_lists_the_tests_that_flipped_and_drafts_entries_the_gate_refuses_until_reviewed(
      @TempDir Path dir) throws Exception {
    Path draft = dir.resolve("quarantine-draft.yml");

    String printed =
        run(
            "flaky",
            "--history",
            history.toString(),
            "--last",
            "60",
            "--quarantine-draft",
            draft.toString());

    assertThat(exit[0]).isZero();
    assertThat(printed)
        .contains("60 build(s) looked at")
        .contains("failed and passed on the same commit");
    String listed =
        SimulatedPlatform.FLAKY.keySet().stream()
            .map(test -> test.substring(test.indexOf('\t') + 1))
            .filter(printed::contains)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no flaky test of the simulation listed:\n" + printed));
    assertThat(Files.readString(draft))
        .contains("- test: \"" + listed + "\"")
        .contains("owner: \"\"");
    assertThatThrownBy(() -> new QuarantineReader().read(draft))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("owner");
  }

  @Test
  void a_bad_period_or_window_is_a_usage_error_naming_the_option() throws Exception {
    assertThat(run("metrics", "--history", history.toString(), "--since", "last week"))
        .contains("--since is \"last week\": write 2026-12-01T00:00:00Z or 2026-12-01");
    assertThat(exit[0]).isEqualTo(ExitCode.USAGE_OR_POLICY_ERROR.code());
    assertThat(run("metrics", "--history", history.toString(), "--failure-window", "a day"))
        .contains("--failure-window is \"a day\": write a duration as 24h, 90m, 2d or PT24H");
    assertThat(exit[0]).isEqualTo(ExitCode.USAGE_OR_POLICY_ERROR.code());
  }

  private static int indexOf(List<String> lines, String containing, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(containing) && lines.get(i).contains("\"stage\":\"staging\"")) {
        return i;
      }
    }
    throw new AssertionError("no line with " + containing + " after " + from);
  }
}
