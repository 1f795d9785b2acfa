package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runners other than Surefire write differently in their JUnit XML, read as their own
 * summaries count it: jest-junit's todo tests (test cases its suite's {@code tests} leaves out),
 * and the repeated attempts of one test that Go's reruns and pytest's {@code flaky} plugin write as
 * separate test cases.
 */
final class RunnerQuirks {

  private RunnerQuirks() {}

  /**
   * Attempts of one test, in document order, merged: the last attempt decides; with {@code
   * failedBeforeIsFlaky} (Go's reruns) a test that failed before its last attempt passed is flaky.
   */
  static List<TestCase> mergeAttempts(List<TestCase> cases, boolean failedBeforeIsFlaky) {
    Map<String, List<TestCase>> byId = new LinkedHashMap<>();
    for (TestCase testCase : cases) {
      byId.computeIfAbsent(testCase.id(), id -> new ArrayList<>()).add(testCase);
    }
    List<TestCase> merged = new ArrayList<>(byId.size());
    for (List<TestCase> attempts : byId.values()) {
      TestCase last = attempts.get(attempts.size() - 1);
      boolean failedBefore =
          failedBeforeIsFlaky
              && attempts.subList(0, attempts.size() - 1).stream().anyMatch(TestCase::isFailure);
      merged.add(
          new TestCase(
              last.className(),
              last.name(),
              last.timeSeconds(),
              last.status(),
              last.message(),
              last.source(),
              last.flaky() || failedBefore && last.status() == TestCase.Status.PASSED));
    }
    return merged;
  }

  /**
   * jest-junit's todo tests, when the suite's only disagreement with its test cases is a surplus of
   * childless, zero-time test cases over its declared {@code tests} (see the class comment): that
   * many of them, the first in document order, are replaced in {@code own} by skipped todo tests
   * and their number returned; otherwise nothing changes and 0 is returned, and the usual checks
   * refuse the file.
   */
  static int jestJunitTodos(
      Path file, JUnitXmlElement suite, List<JUnitXmlElement> elements, List<TestCase> own)
      throws UnreadableEvidenceException {
    long tests = JUnitXmlElement.attribute(file, suite, "tests");
    long failures = JUnitXmlElement.attribute(file, suite, "failures");
    long errors = JUnitXmlElement.attribute(file, suite, "errors");
    long skipped = JUnitXmlElement.attribute(file, suite, "skipped");
    if (tests < 0
        || tests >= own.size()
        || failures < 0
        || errors < 0
        || skipped < 0
        || failures + errors != own.stream().filter(TestCase::isFailure).count()
        || skipped != own.stream().filter(c -> c.status() == TestCase.Status.SKIPPED).count()) {
      return 0;
    }
    int surplus = (int) (own.size() - tests);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      // jest-junit writes time = duration / 1000, and a todo's duration is null: "0", never
      // "0.000".
      if (looksPassed(own.get(i)) && elements.get(i).getAttribute("time").equals("0")) {
        candidates.add(i);
      }
    }
    if (candidates.size() < surplus) {
      return 0;
    }
    String message =
        candidates.size() == surplus
            ? "todo (jest-junit writes test.todo as a test case with no child, left out of its suite's tests)"
            : "todo, inferred: jest-junit left "
                + surplus
                + " todo test(s) out of suite \""
                + suite.getAttribute("name")
                + "\"'s tests=\""
                + tests
                + "\", among "
                + candidates.size()
                + " childless zero-time test cases; "
                + "which ones the file does not say, so the first ones are read as the todos";
    for (int i : candidates.subList(0, surplus)) {
      TestCase todo = own.get(i);
      own.set(
          i,
          new TestCase(
              todo.className(),
              todo.name(),
              todo.timeSeconds(),
              TestCase.Status.SKIPPED,
              message,
              todo.source()));
    }
    return surplus;
  }

  /**
   * True when, for every repeated test id, every attempt but the last has no outcome child (looks
   * passed).
   */
  static boolean earlierAttemptsLookPassed(List<TestCase> own) {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < own.size(); i++) {
      last.put(own.get(i).id(), i);
    }
    for (int i = 0; i < own.size(); i++) {
      if (last.get(own.get(i).id()) != i && !looksPassed(own.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A test case with no failure, error, skip, flaky or rerun child: what a runner writes for a pass
   * (or a todo).
   */
  static boolean looksPassed(TestCase testCase) {
    return testCase.status() == TestCase.Status.PASSED && !testCase.flaky();
  }
}
