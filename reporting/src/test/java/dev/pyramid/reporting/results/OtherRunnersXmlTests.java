package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's rules for runners whose JUnit XML disagrees with itself or repeats test cases
 * (jest-junit's todo tests, Go reruns, pytest's flaky plugin), on the real files and on real files
 * edited to fall just outside each rule: those must stay refused, and no rule may turn a failure
 * into a pass.
 */
@UnitTest
class OtherRunnersXmlTests {

  private final JUnitXmlReader reader = new JUnitXmlReader();

  @TempDir Path dir;

  @Test
  void
      jest_junit_todo_tests_left_out_of_tests_are_read_as_skipped_and_named_exactly_when_the_file_allows()
          throws Exception {
    JUnitXmlReader.Report report = reader.read(BuildTree.resource("real/jest-todo/junit.xml"));

    // Jest: "Tests: 1 failed, 1 skipped, 4 todo, 2 passed, 8 total"; tests="4" and tests="0" leave
    // the todos out.
    assertThat(report.counts()).isEqualTo(new Counts(8, 2, 1, 0, 5, 0));
    // Every childless zero-time test case here is a todo, so which tests are todos is exact.
    assertThat(report.testCases())
        .filteredOn(t -> t.message().startsWith("todo"))
        .extracting(TestCase::name)
        .containsExactly(
            "route prefers bus lanes",
            "route reroutes around traffic",
            "payments charges the card",
            "payments refunds a cancelled ride");
    assertThat(report.testCases())
        .filteredOn(t -> t.status() == TestCase.Status.PASSED)
        .extracting(TestCase::name)
        .containsExactly(
            "route finds the shortest route", "route returns an empty route for the same point");
  }

  @Test
  void
      when_a_passing_test_took_zero_ms_like_a_todo_the_counts_are_exact_and_the_message_says_which_is_a_guess()
          throws Exception {
    JUnitXmlReader.Report report = reader.read(BuildTree.resource("real/jest/junit.xml"));

    // Jest: "Tests: 1 failed, 1 skipped, 1 todo, 2 passed, 5 total". The flaky test also has
    // time="0".
    assertThat(report.counts()).isEqualTo(new Counts(5, 2, 1, 0, 2, 0));
    assertThat(report.testCases())
        .filteredOn(t -> t.message().startsWith("todo"))
        .singleElement()
        .satisfies(
            todo ->
                assertThat(todo.message())
                    .contains(
                        "among 2 childless zero-time test cases",
                        "which ones the file does not say"));
    assertThat(report.testCases())
        .extracting(TestCase::name, TestCase::status)
        .contains(
            tuple("fare charges 1.10 per km", TestCase.Status.FAILED),
            tuple("fare adds a night surcharge", TestCase.Status.SKIPPED));
  }

  @Test
  void a_surplus_test_case_that_failed_is_never_a_todo_the_file_is_refused() {
    // Real: an afterAll hook threw; jest-junit adds a failing test case that tests="1" and
    // failures="0" leave out.
    assertThatThrownBy(() -> reader.read(BuildTree.resource("real/jest-afterall/junit.xml")))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("<testsuite name=\"ledger\"> declares tests=\"1\" but holds 3");
  }

  @Test
  void a_jest_suite_that_failed_to_load_reported_by_jest_junit_is_refused_never_read_as_passing() {
    // Real (reportTestSuiteErrors): tests="0" errors="1", holding an <error> and a <failure> test
    // case.
    assertThatThrownBy(() -> reader.read(BuildTree.resource("real/jest/junit-suite-errors.xml")))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining(
            "<testsuite name=\"broken.test.js\"> declares tests=\"0\" but holds 2");
  }

  @Test
  void jest_tests_of_one_name_are_two_tests_and_the_failing_one_stays_failed() throws Exception {
    JUnitXmlReader.Report report =
        reader.read(BuildTree.resource("real/jest-duplicate-names/junit.xml"));

    assertThat(report.counts()).isEqualTo(new Counts(2, 1, 1, 0, 0, 0));
  }

  @Test
  void jest_files_edited_just_outside_the_todo_rule_are_refused() throws Exception {
    String real = Files.readString(BuildTree.resource("real/jest-todo/junit.xml"));
    List<String> edited =
        List.of(
            // a surplus test case that took time: not a todo
            real.replace(
                "name=\"route prefers bus lanes\" time=\"0\"",
                "name=\"route prefers bus lanes\" time=\"0.004\""),
            // a surplus larger than the zero-time candidates
            real.replace("skipped=\"1\" timestamp", "skipped=\"1\" tests=\"1\" timestamp")
                .replace("tests=\"4\">", ">"),
            // another counter disagrees too
            real.replace("skipped=\"1\" timestamp", "skipped=\"2\" timestamp"),
            // a counter missing: the rule needs all of them to hold
            real.replace(
                "errors=\"0\" failures=\"1\" skipped=\"1\"", "failures=\"1\" skipped=\"1\""),
            // the root declares no tests: not jest-junit's shape
            real.replace(
                "<testsuites name=\"jest tests\" tests=\"4\"", "<testsuites name=\"jest tests\""),
            // a lone <testsuite> root (Surefire's shape) with the same surplus
            real.substring(real.indexOf("<testsuite "), real.indexOf("</testsuites>"))
                .replaceFirst("(?s)<testsuite name=\"payments\".*", ""));
    for (String xml : edited) {
      assertThat(xml).isNotEqualTo(real);
      Path file = Files.writeString(dir.resolve("junit.xml"), xml);
      assertThatThrownBy(() -> reader.read(file))
          .as(xml.substring(0, 300))
          .isInstanceOf(UnreadableEvidenceException.class)
          .hasMessageContaining("declares");
    }
  }

  @Test
  void a_surefire_report_claiming_fewer_tests_than_it_holds_is_refused_even_with_zero_time_passes()
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("TEST-x.xml"),
            "<testsuite name=\"x\" tests=\"1\" failures=\"0\" "
                + "errors=\"0\" skipped=\"0\"><testcase classname=\"x\" name=\"a\" time=\"0\"/>"
                + "<testcase classname=\"x\" name=\"b\" time=\"0\"/></testsuite>");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("declares tests=\"1\" but holds 2");
  }

  @Test
  void go_reruns_merge_into_one_test_and_a_test_that_passed_on_a_rerun_is_flaky() throws Exception {
    JUnitXmlReader.Report report =
        reader.read(BuildTree.resource("real/go-gotestsum/rerun/junit.xml"));

    assertThat(report.counts()).isEqualTo(new Counts(6, 3, 2, 0, 1, 1));
    assertThat(report.executions()).isEqualTo(new Counts(11, 3, 7, 0, 1, 0));
    assertThat(report.testCases())
        .filteredOn(TestCase::flaky)
        .extracting(TestCase::name)
        .containsExactly("TestTariffService");
  }

  @Test
  void
      without_the_go_version_property_repeated_test_cases_are_separate_tests_and_every_failure_counts()
          throws Exception {
    String real = Files.readString(BuildTree.resource("real/go-gotestsum/rerun/junit.xml"));
    Path file =
        Files.writeString(
            dir.resolve("junit.xml"), real.replace("name=\"go.version\"", "name=\"go.os\""));

    JUnitXmlReader.Report report = reader.read(file);

    assertThat(report.counts()).isEqualTo(new Counts(11, 3, 7, 0, 1, 0));
  }

  @Test
  void pytest_flaky_plugin_attempts_merge_and_the_last_attempt_decides() throws Exception {
    JUnitXmlReader.Report report = reader.read(BuildTree.resource("real/pytest-flaky/junit.xml"));

    // pytest: "2 failed, 3 passed"; 8 test case elements, tests="5".
    assertThat(report.counts()).isEqualTo(new Counts(5, 3, 2, 0, 0, 0));
    assertThat(report.executions().tests()).isEqualTo(8);
    assertThat(report.testCases())
        .extracting(TestCase::name, TestCase::status)
        .containsExactly(
            tuple("test_shortest_route", TestCase.Status.PASSED),
            tuple("test_avoids_closed_roads", TestCase.Status.FAILED),
            tuple("test_traffic_service_reachable", TestCase.Status.PASSED),
            tuple("test_ferry_timetable", TestCase.Status.FAILED),
            tuple("test_bus_lanes_known", TestCase.Status.PASSED));
  }

  @Test
  void an_earlier_attempt_that_failed_is_not_dropped_outside_go_the_file_is_refused()
      throws Exception {
    // Edited: the ferry test's failure moved to its first attempt, the last one passes. Merging
    // would hide it.
    String real = Files.readString(BuildTree.resource("real/pytest-flaky/junit.xml"));
    int first =
        real.indexOf("<testcase classname=\"source.test_routes\" name=\"test_ferry_timetable\"");
    int second =
        real.indexOf(
            "<testcase classname=\"source.test_routes\" name=\"test_ferry_timetable\"", first + 1);
    int end = real.indexOf("</testcase>", second) + "</testcase>".length();
    String failing = real.substring(second, end);
    String swapped =
        real.substring(0, first)
            + failing
            + "<testcase classname=\"source.test_routes\" name=\"test_ferry_timetable\" time=\"0.000\" />"
            + real.substring(end);
    Path file = Files.writeString(dir.resolve("junit.xml"), swapped);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("declares tests=\"5\" but holds 8");
  }

  @Test
  void the_summary_comparison_fails_when_the_reader_miscounts() {
    String gotestsum =
        "DONE 6 tests, 1 skipped, 3 failures in 0.324s\n\nDONE 3 runs, 11 tests, 1 skipped, 7 failures in 1.2s\n";
    Counts executions = new Counts(11, 3, 7, 0, 1, 0);

    assertThat(
            RunnerSummaries.mismatches(
                "gotestsum", gotestsum, new Counts(6, 3, 2, 0, 1, 1), executions))
        .isEmpty();
    // flaky read as failed; the flaky test not noticed; reruns not merged: each is caught.
    assertThat(
            RunnerSummaries.mismatches(
                "gotestsum", gotestsum, new Counts(6, 2, 3, 0, 1, 1), executions))
        .isNotEmpty();
    assertThat(
            RunnerSummaries.mismatches(
                "gotestsum", gotestsum, new Counts(6, 3, 2, 0, 1, 0), executions))
        .isNotEmpty();
    assertThat(RunnerSummaries.mismatches("gotestsum", gotestsum, executions, executions))
        .isNotEmpty();
    String jest = "Tests:       1 failed, 1 skipped, 1 todo, 2 passed, 5 total\n";
    assertThat(RunnerSummaries.mismatches("jest", jest, new Counts(5, 2, 1, 0, 2, 0), Counts.NONE))
        .isEmpty();
    assertThat(RunnerSummaries.mismatches("jest", jest, new Counts(5, 3, 1, 0, 1, 0), Counts.NONE))
        .isNotEmpty();
    String pytest = "===== 1 failed, 3 passed, 1 skipped, 1 xfailed, 1 error in 0.04s =====\n";
    assertThat(
            RunnerSummaries.mismatches(
                "pytest", pytest, new Counts(7, 3, 1, 1, 2, 0), new Counts(7, 3, 1, 1, 2)))
        .isEmpty();
    assertThat(
            RunnerSummaries.mismatches(
                "pytest", pytest, new Counts(7, 3, 2, 0, 2, 0), new Counts(7, 3, 2, 0, 2)))
        .isNotEmpty();
    assertThat(
            RunnerSummaries.mismatches(
                "pytest",
                "== 1 passed, 1 frobbed in 0.1s ==\n",
                new Counts(1, 1, 0, 0, 0),
                new Counts(1, 1, 0, 0, 0)))
        .singleElement()
        .asString()
        .contains("does not know");
  }
}
