package dev.pyramid.reporting.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closing summaries that Jest, pytest and gotestsum print, read verbatim from their console
 * output, and compared figure by figure with what the gate read, in Pyramid's terms (flaky is a
 * subset of passed, as in Surefire). Every figure of a summary is compared or, when the gate has no
 * counterpart, reported: a word this class does not know fails the comparison rather than being
 * skipped.
 */
final class RunnerSummaries {

  /**
   * The runners whose summaries are parsed here, by their {@code runner} key in
   * expected.properties.
   */
  static final Set<String> PARSED = Set.of("jest", "pytest", "gotestsum");

  private static final Pattern FIGURE = Pattern.compile("(\\d+) ([a-z]+)");

  /** Jest: {@code Tests: 1 failed, 1 skipped, 1 todo, 2 passed, 5 total}. */
  private static final Pattern JEST = Pattern.compile("(?m)^Tests:\\s+(.+)$");

  /**
   * pytest's last line: {@code ===== 1 failed, 3 passed, 1 skipped, 1 xfailed, 1 error, 1 rerun in
   * 0.04s =====}.
   */
  private static final Pattern PYTEST =
      Pattern.compile("(?m)^=+ (\\d+ [a-z]+(?:, \\d+ [a-z]+)*) in [0-9.]+s.*=+$");

  /**
   * gotestsum: {@code DONE 6 tests, 1 skipped, 3 failures in 0.324s}, after reruns {@code DONE 3
   * runs, 11 tests, ...}.
   */
  private static final Pattern GOTESTSUM =
      Pattern.compile("(?m)^DONE (\\d+ [a-z]+(?:, \\d+ [a-z]+)*) in [0-9.]+s$");

  private RunnerSummaries() {}

  /**
   * How the summary in {@code console} differs from what the gate read: empty when every figure
   * matches.
   *
   * @param counts per test, reruns merged
   * @param executions every test case element, reruns not merged
   */
  static List<String> mismatches(String runner, String console, Counts counts, Counts executions) {
    List<String> found = new ArrayList<>();
    switch (runner) {
      case "jest" -> jest(console, counts, found);
      case "pytest" -> pytest(console, counts, executions, found);
      case "gotestsum" -> gotestsum(console, counts, executions, found);
      default -> throw new IllegalArgumentException("no summary parser for runner " + runner);
    }
    return found;
  }

  /**
   * Jest's "Tests:" line. Jest has no "error" for a test: failed = failed + errored. skipped + todo
   * = skipped. A test that passed on a jest.retryTimes retry is in "passed" (Jest prints no flaky
   * figure).
   */
  private static void jest(String console, Counts counts, List<String> found) {
    Map<String, Integer> says = figures(only(JEST, console, "jest"));
    int total = take(says, "total");
    int passed = take(says, "passed");
    int failed = take(says, "failed");
    int skipped = take(says, "skipped") + take(says, "todo");
    unknown(says, "jest", found);
    compare("jest", "total", total, "tests", counts.tests(), found);
    compare("jest", "passed", passed, "passed", counts.passed(), found);
    compare("jest", "failed", failed, "failed+errored", counts.failed() + counts.errored(), found);
    compare("jest", "skipped+todo", skipped, "skipped", counts.skipped(), found);
  }

  /**
   * pytest's last line. passed + xpassed = passed (an xpass is written as a passing test case);
   * skipped + xfailed = skipped (junit.xml writes both as skipped); error(s) = errored; their sum =
   * tests. "rerun" counts extra executions: compared with the test case elements beyond one per
   * test. Warnings and deselected are not tests.
   */
  private static void pytest(String console, Counts counts, Counts executions, List<String> found) {
    Map<String, Integer> says = figures(last(PYTEST, console, "pytest"));
    int passed = take(says, "passed") + take(says, "xpassed");
    int failed = take(says, "failed");
    int errored = take(says, "error") + take(says, "errors");
    int skipped = take(says, "skipped") + take(says, "xfailed");
    Integer reruns = says.remove("rerun");
    says.remove("warning");
    says.remove("warnings");
    says.remove("deselected");
    unknown(says, "pytest", found);
    compare(
        "pytest",
        "failed+passed+skipped+xfailed+xpassed+error",
        passed + failed + errored + skipped,
        "tests",
        counts.tests(),
        found);
    compare("pytest", "passed+xpassed", passed, "passed", counts.passed(), found);
    compare("pytest", "failed", failed, "failed", counts.failed(), found);
    compare("pytest", "error", errored, "errored", counts.errored(), found);
    compare("pytest", "skipped+xfailed", skipped, "skipped", counts.skipped(), found);
    if (reruns != null && reruns != executions.tests() - counts.tests()) {
      found.add(
          "pytest says "
              + reruns
              + " rerun, junit.xml holds "
              + (executions.tests() - counts.tests())
              + " repeated executions");
    }
  }

  /**
   * gotestsum's first "DONE" line is the first run: its tests and skipped are ours; its failures
   * are the tests that failed in that run, which after the reruns are still failed (or errored) or
   * passed on a rerun (flaky): failed + errored + flaky. The last "DONE N runs, ..." line counts
   * executions over every run: every test case element, reruns not merged.
   */
  private static void gotestsum(
      String console, Counts counts, Counts executions, List<String> found) {
    List<String> lines = all(GOTESTSUM, console);
    if (lines.isEmpty()) {
      throw new AssertionError("no gotestsum \"DONE ...\" line in console-output.txt");
    }
    Map<String, Integer> first = figures(lines.get(0));
    if (first.containsKey("runs")) {
      throw new AssertionError("gotestsum's first DONE line counts runs: " + lines.get(0));
    }
    int tests = take(first, "tests") + take(first, "test");
    int skipped = take(first, "skipped");
    int failures = take(first, "failures") + take(first, "failure");
    unknown(first, "gotestsum", found);
    compare("gotestsum (first run)", "tests", tests, "tests", counts.tests(), found);
    compare("gotestsum (first run)", "skipped", skipped, "skipped", counts.skipped(), found);
    compare(
        "gotestsum (first run)",
        "failures",
        failures,
        "failed+errored+flaky",
        counts.failed() + counts.errored() + counts.flaky(),
        found);
    Map<String, Integer> last = figures(lines.get(lines.size() - 1));
    if (last.remove("runs") != null) {
      int executed = take(last, "tests") + take(last, "test");
      int executionsSkipped = take(last, "skipped");
      int executionFailures = take(last, "failures") + take(last, "failure");
      unknown(last, "gotestsum", found);
      compare(
          "gotestsum (all runs)",
          "tests",
          executed,
          "test case elements",
          executions.tests(),
          found);
      compare(
          "gotestsum (all runs)",
          "skipped",
          executionsSkipped,
          "skipped elements",
          executions.skipped(),
          found);
      compare(
          "gotestsum (all runs)",
          "failures",
          executionFailures,
          "failed+errored elements",
          executions.failed() + executions.errored(),
          found);
    } else if (lines.size() > 1) {
      throw new AssertionError(
          "gotestsum printed several DONE lines, the last without runs: " + lines);
    }
  }

  private static void compare(
      String runner, String theirs, int says, String ours, int read, List<String> found) {
    if (says != read) {
      found.add(runner + " says " + theirs + "=" + says + ", we read " + ours + "=" + read);
    }
  }

  private static void unknown(Map<String, Integer> left, String runner, List<String> found) {
    if (!left.isEmpty()) {
      found.add(runner + " summary has figures this comparison does not know: " + left);
    }
  }

  private static int take(Map<String, Integer> figures, String word) {
    Integer value = figures.remove(word);
    return value == null ? 0 : value;
  }

  private static Map<String, Integer> figures(String line) {
    Map<String, Integer> figures = new LinkedHashMap<>();
    for (String part : line.split(",")) {
      Matcher m = FIGURE.matcher(part.strip());
      if (!m.matches()) {
        throw new AssertionError("not a \"N word\" figure: \"" + part + "\" in " + line);
      }
      figures.merge(m.group(2), Integer.parseInt(m.group(1)), Integer::sum);
    }
    return figures;
  }

  private static String only(Pattern pattern, String console, String runner) {
    List<String> lines = all(pattern, console);
    if (lines.size() != 1) {
      throw new AssertionError(
          "expected one " + runner + " summary line in console-output.txt, found " + lines);
    }
    return lines.get(0);
  }

  private static String last(Pattern pattern, String console, String runner) {
    List<String> lines = all(pattern, console);
    if (lines.isEmpty()) {
      throw new AssertionError("no " + runner + " summary line in console-output.txt");
    }
    return lines.get(lines.size() - 1);
  }

  private static List<String> all(Pattern pattern, String console) {
    List<String> lines = new ArrayList<>();
    Matcher m = pattern.matcher(console);
    while (m.find()) {
      lines.add(m.group(1).strip());
    }
    return lines;
  }
}
