package dev.pyramid.reporting.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one JUnit XML report: Surefire/Failsafe's format and the variants other runners write
 * (Gradle, Node's test runner, Jest with jest-junit, pytest, go-junit-report, gotestsum...): a
 * {@code <testsuite>} root, or a {@code <testsuites>} root holding suites (nested or not) and, as
 * Node writes them, test cases of its own.
 *
 * <p>Counts come from the {@code <testcase>} elements. A test case with Surefire's {@code
 * flakyFailure}/{@code flakyError} and no {@code failure}/{@code error} passed on a rerun: it is
 * flaky, not failed; one with {@code rerunFailure}/{@code rerunError} failed every rerun. Declared
 * totals are checked against the test cases and a disagreement makes the file unreadable (a cut-off
 * or hand-edited report must not pass): {@code tests} must equal the suite's own test cases, all
 * its descendants' or, as Node counts, its own test cases plus its nested suites; in a suite
 * without nested suites {@code failures + errors} and {@code skipped} must match too. A missing
 * attribute is not checked.
 *
 * <p>Some runners write what those checks alone would misread; each is recognised by a narrow trait
 * and none of the rules below can turn a failed or errored test case into a passed one:
 *
 * <ul>
 *   <li><b>Repeated test cases are separate tests</b> (Jest allows two tests of one name), except
 *       in two shapes where they are attempts of one test, merged so that the last attempt decides:
 *       a Go suite (gotestsum and go-junit-report write the {@code go.version} property; Go test
 *       names are unique in a package, so a repeat can only be a {@code --rerun-fails} attempt, and
 *       one that failed before it passed is flaky); and a suite whose {@code tests} counts each
 *       name once while every earlier attempt has no child at all (pytest with the {@code flaky}
 *       plugin writes a suppressed failed attempt so: it is dropped, the last attempt decides, and
 *       flakiness is not knowable).
 *   <li><b>jest-junit's todo tests</b>: jest-junit 16 and 17 write {@code test.todo} as a test case
 *       with no child and {@code time="0"} and leave it out of the suite's {@code tests} (failing +
 *       passing + pending). When that is the only disagreement (a direct child of a {@code
 *       <testsuites>} root that declares {@code tests}; the suite declares {@code failures}, {@code
 *       errors} and {@code skipped} and all three match; at least as many childless, zero-time,
 *       passing-looking test cases as the surplus), the surplus are read as todo tests, counted as
 *       skipped. Nothing in the file tells a todo from a test that passed in under half a
 *       millisecond: when there are more candidates than todos, which of them are the todos is a
 *       guess (the first ones, said in their message); the counts are exact.
 *   <li><b>Surefire and Failsafe's {@code @Nested} classes</b> (3.5.4, real/surefire-nested): the
 *       outer class's file holds the test cases of its nested classes ({@code classname}
 *       "Outer$Inner", any depth) under a header that counts none of them, nor the outer class's
 *       own ({@code tests="0"}). When every test case of a suite belongs to the suite's class or a
 *       class nested in it, and one does to a nested class, the totals are not checked and the test
 *       cases count, as Surefire's own closing summary counts them. A header that disagrees with
 *       test cases of the suite's class alone, or of a class outside it, is still refused.
 *   <li><b>Class-level failures</b> (Surefire/Failsafe 3.5.4, JUnit 4 through the vintage engine):
 *       a class that fails outside its tests ({@code @BeforeAll}, {@code @AfterAll}, an extension's
 *       {@code beforeAll}, {@code @BeforeClass}) is one test case with an empty {@code name}
 *       holding its {@code <error>}; it is read as one errored test of that class, named {@value
 *       #CLASS_LEVEL}, as Surefire counts it. A nameless test case without a failure or error is
 *       still refused.
 * </ul>
 *
 * <p>A test's id, {@code classname#name}, is unique within one run only (two Jest projects, or two
 * Maven modules with a class of one name, write distinct tests under one id): the same id in two
 * files is one result read twice only when {@link DuplicateResults} says so (a copy, or TestNG's
 * JUnit-style copies in a folder below Surefire's report).
 *
 * <p>The stream parser runs with DTDs and external entities off and a DOCTYPE declaration makes the
 * file unreadable, so no external entity is ever resolved. Only suites, test cases, the tag and
 * message of a test case's children and whether a suite has the {@code go.version} property are
 * kept. Thread-safe.
 */
final class JUnitXmlReader implements EvidenceReader<JUnitXmlReader.Report> {

  /**
   * What one report file holds.
   *
   * @param counts per test: repeated attempts of one test (see the class comment) merged
   * @param testCases the tests {@code counts} counts
   * @param executions every {@code <testcase>} element as written, attempts not merged: what
   *     gotestsum's closing "DONE N runs, M tests, S skipped, F failures" counts
   */
  public record Report(Path file, Counts counts, List<TestCase> testCases, Counts executions) {

    /** A report whose test cases were each executed once. */
    public Report(Path file, Counts counts, List<TestCase> testCases) {
      this(file, counts, testCases, counts);
    }
  }

  @Override
  public String key() {
    return "junit";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return switch (layer) {
      case UNIT -> List.of("**/target/surefire-reports/unit/TEST-*.xml");
      case CONTRACT ->
          List.of(
              "**/target/surefire-reports/contract/TEST-*.xml",
              "**/target/failsafe-reports/contract/TEST-*.xml");
      case E2E -> List.of("**/target/failsafe-reports/e2e/TEST-*.xml");
      case UI -> List.of("**/target/failsafe-reports/ui/TEST-*.xml");
      case PERF -> List.of();
    };
  }

  @Override
  public Report read(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    return read(file, Arrays.copyOf(bytes, length)); // the parser streams from an array of its own
  }

  /** Each test's {@code classname#name}, unique within one run only (see the class comment). */
  @Override
  public List<String> resultIds(Report report) {
    return report.testCases().stream().map(TestCase::id).toList();
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<Report> reports) {
    for (Report report : reports) {
      layer.addTestCases(report.testCases());
    }
  }

  /** Reads {@code file}, or throws naming it and the reason. */
  public Report read(Path file) throws UnreadableEvidenceException {
    try {
      return read(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the report {@code file} whose content is {@code bytes} (read once by the caller, who also
   * hashes it).
   */
  public Report read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    JUnitXmlElement root = JUnitXmlElement.parse(file, bytes);
    Suites read = new Suites();
    switch (root.tag) {
      case "testsuite" -> readSuite(file, root, false, read);
      case "testsuites" -> {
        for (JUnitXmlElement testcase : JUnitXmlElement.children(root, "testcase")) {
          TestCase testCase = testCase(file, testcase);
          read.elements.add(testCase);
          read.tests.add(testCase);
        }
        boolean rootDeclaresTests = JUnitXmlElement.attribute(file, root, "tests") >= 0;
        for (JUnitXmlElement suite : JUnitXmlElement.children(root, "testsuite")) {
          readSuite(file, suite, rootDeclaresTests, read);
        }
        int elements = read.elements.size();
        checkTotal(file, root, "tests", elements, read.todos > 0 ? elements - read.todos : -1, -1);
      }
      default ->
          throw new UnreadableEvidenceException(
              file, "not a JUnit XML report: root element <" + root.tag + ">");
    }
    Counts counts = Counts.of(read.tests);
    // Without merged attempts every element is one test: the same counts, not counted twice.
    Counts executions =
        read.elements.size() == read.tests.size() ? counts : Counts.of(read.elements);
    return new Report(file, counts, List.copyOf(read.tests), executions);
  }

  /**
   * The name given to a test case Surefire writes without one: the failure of a class outside its
   * tests, so that it counts as one test of the class, errored or failed, as Surefire counts it.
   */
  static final String CLASS_LEVEL = "(class-level failure)";

  /** What the suites of one file yield, filled suite by suite. */
  private static final class Suites {
    /** Every test case element as written (todos as skipped), attempts not merged. */
    final List<TestCase> elements = new ArrayList<>();

    /** The tests: attempts of one test merged where the suite's shape says they are attempts. */
    final List<TestCase> tests = new ArrayList<>();

    /**
     * jest-junit todo tests inferred, which the root's declared tests leaves out as the suites' do.
     */
    int todos;
  }

  private static void readSuite(
      Path file, JUnitXmlElement suite, boolean underCountingRoot, Suites read)
      throws UnreadableEvidenceException {
    List<JUnitXmlElement> elements = JUnitXmlElement.children(suite, "testcase");
    List<TestCase> own = new ArrayList<>(elements.size());
    for (JUnitXmlElement testcase : elements) {
      own.add(testCase(file, testcase));
    }
    List<JUnitXmlElement> nested = JUnitXmlElement.children(suite, "testsuite");
    // Surefire/Failsafe 3 in rerun mode (-Dsurefire.rerunFailingTestsCount) are known to write
    // suite totals
    // that count only the rerun tests; their test cases are right, so the totals are not checked
    // then.
    boolean rerunMode =
        own.stream().anyMatch(c -> c.flaky())
            || elements.stream()
                .anyMatch(
                    c ->
                        JUnitXmlElement.has(c, "rerunFailure")
                            || JUnitXmlElement.has(c, "rerunError"));
    // Surefire/Failsafe write a JUnit 5 class's @Nested classes' test cases into the outer class's
    // file (classnames "Outer$Inner") under a header that counts none of them, nor the outer
    // class's
    // own: the test cases are right, so the totals are not checked then either.
    boolean nestedClasses = holdsNestedClasses(suite.getAttribute("name"), own);
    boolean headerUnreliable = rerunMode || nestedClasses;
    int todos =
        nested.isEmpty() && !headerUnreliable && underCountingRoot
            ? RunnerQuirks.jestJunitTodos(file, suite, elements, own)
            : 0;
    int distinct = (int) own.stream().map(TestCase::id).distinct().count();
    boolean goSuite = suite.isGoSuite();
    boolean suppressedAttempts =
        todos == 0
            && distinct < own.size()
            && nested.isEmpty()
            && JUnitXmlElement.attribute(file, suite, "tests") == distinct
            && RunnerQuirks.earlierAttemptsLookPassed(own);
    int sizeBefore = read.elements.size();
    read.elements.addAll(own);
    read.todos += todos;
    if (distinct < own.size() && (goSuite || suppressedAttempts)) {
      read.tests.addAll(RunnerQuirks.mergeAttempts(own, goSuite));
    } else {
      read.tests.addAll(own);
    }
    for (JUnitXmlElement inner : nested) {
      readSuite(file, inner, false, read);
    }
    int all = read.elements.size() - sizeBefore;
    if (!headerUnreliable) {
      int ownTests = own.size() - todos;
      checkTotal(
          file,
          suite,
          "tests",
          ownTests,
          suppressedAttempts ? distinct : all - todos,
          ownTests + nested.size());
    }
    if (nested.isEmpty() && !headerUnreliable) {
      long failures = JUnitXmlElement.attribute(file, suite, "failures");
      long errors = JUnitXmlElement.attribute(file, suite, "errors");
      if (failures >= 0 || errors >= 0) {
        long declared = Math.max(failures, 0) + Math.max(errors, 0);
        long found = own.stream().filter(TestCase::isFailure).count();
        if (declared != found) {
          throw new UnreadableEvidenceException(
              file,
              "suite \""
                  + suite.getAttribute("name")
                  + "\" declares failures+errors="
                  + declared
                  + " but holds "
                  + found
                  + " failed <testcase> elements");
        }
      }
      long skipped = JUnitXmlElement.attribute(file, suite, "skipped");
      long foundSkipped =
          own.stream().filter(c -> c.status() == TestCase.Status.SKIPPED).count() - todos;
      if (skipped >= 0 && skipped != foundSkipped) {
        throw new UnreadableEvidenceException(
            file,
            "suite \""
                + suite.getAttribute("name")
                + "\" declares skipped="
                + skipped
                + " but holds "
                + foundSkipped
                + " skipped <testcase> elements");
      }
    }
  }

  /**
   * True when the suite, named after a class, holds test cases of classes nested in it ({@code
   * Outer$Inner}) and of no class outside it: the shape of a JUnit 5 class with {@code @Nested}
   * classes as Surefire and Failsafe write it.
   */
  private static boolean holdsNestedClasses(String suiteName, List<TestCase> own) {
    if (suiteName.isEmpty()) {
      return false;
    }
    boolean nested = false;
    for (TestCase testCase : own) {
      String className = testCase.className();
      if (className.startsWith(suiteName + "$")) {
        nested = true;
      } else if (!className.equals(suiteName)) {
        return false;
      }
    }
    return nested;
  }

  private static TestCase testCase(Path file, JUnitXmlElement testcase)
      throws UnreadableEvidenceException {
    String name = testcase.getAttribute("name");
    boolean failed =
        JUnitXmlElement.has(testcase, "failure") || JUnitXmlElement.has(testcase, "rerunFailure");
    boolean errored =
        JUnitXmlElement.has(testcase, "error") || JUnitXmlElement.has(testcase, "rerunError");
    if (name.isEmpty()) {
      if (!failed && !errored) {
        throw new UnreadableEvidenceException(file, "a <testcase> without a name");
      }
      // Surefire/Failsafe's record of a class that failed outside its tests (@BeforeAll, @AfterAll,
      // an extension's beforeAll, JUnit 4's @BeforeClass): one nameless test case, errored.
      name = CLASS_LEVEL;
    }
    TestCase.Status status =
        errored
            ? TestCase.Status.ERRORED
            : failed
                ? TestCase.Status.FAILED
                : JUnitXmlElement.has(testcase, "skipped")
                    ? TestCase.Status.SKIPPED
                    : TestCase.Status.PASSED;
    boolean flaky =
        status == TestCase.Status.PASSED
            && (JUnitXmlElement.has(testcase, "flakyFailure")
                || JUnitXmlElement.has(testcase, "flakyError"));
    return new TestCase(
        testcase.getAttribute("classname"),
        name,
        parseTime(testcase.getAttribute("time")),
        status,
        messageOf(testcase),
        file,
        flaky);
  }

  /** Accepts {@code declared} when it equals any of the counts a known runner means by it. */
  private static void checkTotal(
      Path file, JUnitXmlElement suite, String attribute, int own, int all, int ownPlusSuites)
      throws UnreadableEvidenceException {
    long declared = JUnitXmlElement.attribute(file, suite, attribute);
    if (declared < 0 || declared == own || declared == all || declared == ownPlusSuites) {
      return;
    }
    String name = suite.getAttribute("name");
    throw new UnreadableEvidenceException(
        file,
        "<"
            + suite.getTagName()
            + (name.isEmpty() ? "" : " name=\"" + name + "\"")
            + "> declares "
            + attribute
            + "=\""
            + declared
            + "\" but holds "
            + Math.max(own, all)
            + " <testcase> elements");
  }

  private static String messageOf(JUnitXmlElement testcase) {
    for (String tag :
        List.of(
            "error",
            "failure",
            "rerunError",
            "rerunFailure",
            "skipped",
            "flakyFailure",
            "flakyError")) {
      List<JUnitXmlElement> found = JUnitXmlElement.children(testcase, tag);
      if (!found.isEmpty()) {
        String message = found.get(0).getAttribute("message");
        return message.isEmpty() ? found.get(0).getAttribute("type") : message;
      }
    }
    return "";
  }

  private static double parseTime(String time) {
    if (time.isEmpty()) {
      return 0;
    }
    try {
      // Surefire writes plain decimals; some runners group thousands with commas.
      return Double.parseDouble(time.replace(",", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
