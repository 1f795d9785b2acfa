package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.decision.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command returns only the exit codes its help lists, with the meanings {@link ExitCode}
 * gives.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class ExitCodeTests {

  private static final String POLICY = BuildTree.resource(BuildTree.POLICY).toString();

  private static final Pattern HELP_LINE = Pattern.compile("^\\s+(\\d+)\\s+(\\S.*)$");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void the_gate_exits_with_the_code_its_decision_states(Outcome outcome) {
    assertThat(ExitCode.of(outcome).code()).isEqualTo(outcome.exitCode());
    assertThat(GateCommand.EXIT_CODES).contains(ExitCode.of(outcome));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate", "stamp", "promote", "history", "report", "api-diff"})
  void help_lists_each_code_the_command_returns_once_with_its_meaning(String name)
      throws Exception {
    List<ExitCode> codes = ((Subcommand) PyramidCommand.subcommands().get(name)).exitCodes();

    Map<String, String> listed =
        exitCodeList(
            ConsoleCapture.capture(() -> assertThat(PyramidCommand.run(name, "--help")).isZero()));

    Map<String, String> expected = new LinkedHashMap<>();
    codes.forEach(
        code ->
            assertThat(expected.put(Integer.toString(code.code()), code.meaning()))
                .as(name)
                .isNull());
    assertThat(listed).containsExactlyEntriesOf(expected);
  }

  @Test
  void the_top_level_help_lists_the_gates_codes() throws Exception {
    Map<String, String> gate =
        exitCodeList(ConsoleCapture.capture(() -> PyramidCommand.run("gate", "--help")));

    Map<String, String> top =
        exitCodeList(
            ConsoleCapture.capture(() -> assertThat(PyramidCommand.run("--help")).isZero()));

    assertThat(top).containsExactlyEntriesOf(gate);
  }

  @Test
  void each_command_returns_codes_from_its_own_list() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    new BuildTree(root).stagingPasses();
    String history = dir.resolve("history.jsonl").toString();
    String[] build = {
      "--commit", BuildTree.BUILD.commit(), "--build-id", BuildTree.BUILD.buildId()
    };

    ConsoleCapture.capture(
        () -> {
          assertReturns(
              ExitCode.DONE,
              "stamp",
              "--dir",
              root.toString(),
              build[0],
              build[1],
              build[2],
              build[3]);
          assertReturns(
              ExitCode.USAGE_OR_POLICY_ERROR,
              "stamp",
              "--dir",
              root.toString(),
              build[0],
              build[1],
              build[2],
              build[3],
              "--not-before",
              "yesterday");
          assertReturns(
              ExitCode.REFUSED,
              "promote",
              "--stage",
              "dev",
              "--policy",
              POLICY,
              build[0],
              build[1],
              build[2],
              build[3],
              "--history",
              history);
          assertReturns(
              ExitCode.PROMOTE,
              "gate",
              "--stage",
              "dev",
              "--policy",
              POLICY,
              "--results",
              root.toString(),
              build[0],
              build[1],
              build[2],
              build[3],
              "--history",
              history,
              "--out",
              dir.resolve("out").toString());
          assertReturns(
              ExitCode.DONE,
              "promote",
              "--stage",
              "dev",
              "--policy",
              POLICY,
              build[0],
              build[1],
              build[2],
              build[3],
              "--history",
              history);
          assertReturns(ExitCode.DONE, "history", "--history", history);
          assertReturns(ExitCode.USAGE_OR_POLICY_ERROR, "history", "--history", dir.toString());
          assertReturns(
              ExitCode.NOT_GENERATED,
              "report",
              "--results",
              root.toString(),
              "--allure-home",
              dir.resolve("no-allure").toString(),
              "--out",
              dir.resolve("report").toString(),
              "--allure-results",
              dir.resolve("allure-results").toString(),
              "--history",
              dir.resolve("allure-history").toString());
          for (String name : List.of("gate", "stamp", "promote", "history", "report")) {
            assertReturns(ExitCode.USAGE_OR_POLICY_ERROR, name, "--no-such-option");
          }
        });
  }

  private static void assertReturns(ExitCode expected, String... args) {
    List<ExitCode> listed = ((Subcommand) PyramidCommand.subcommands().get(args[0])).exitCodes();
    assertThat(listed).as(args[0]).contains(expected);
    assertThat(PyramidCommand.run(args)).as(String.join(" ", args)).isEqualTo(expected.code());
  }

  /** The "Exit codes:" section of a help text, code to meaning, in order. */
  private static Map<String, String> exitCodeList(String help) {
    Map<String, String> list = new LinkedHashMap<>();
    boolean inside = false;
    String last = null;
    for (String line : help.lines().toList()) {
      Matcher matcher = HELP_LINE.matcher(line);
      if (line.equals("Exit codes:")) {
        inside = true;
      } else if (inside && matcher.matches()) {
        last = matcher.group(1);
        list.put(last, matcher.group(2).strip());
      } else if (inside && last != null && line.startsWith(" ") && !line.isBlank()) {
        list.merge(
            last,
            line.strip(),
            (start, rest) -> start + " " + rest); // a meaning wrapped by picocli
      } else if (inside && last != null) {
        break;
      }
    }
    assertThat(list).as("an exit code list in:%n%s", help).isNotEmpty();
    return list;
  }
}
