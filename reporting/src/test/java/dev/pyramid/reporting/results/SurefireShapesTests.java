package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Surefire 3.5.4 really writes for @Nested classes and for classes that fail outside their
 * tests (real/surefire-nested, real/surefire-class-level-failures, real/surefire-vintage), read as
 * Surefire's own summary counts it; and the same shapes where they do not hold still refused.
 */
@UnitTest
class SurefireShapesTests {

  private final JUnitXmlReader reader = new JUnitXmlReader();

  @TempDir Path dir;

  @Test
  void nested_classes_are_read_from_their_test_cases_though_the_header_counts_none()
      throws Exception {
    JUnitXmlReader.Report report =
        reader.read(
            BuildTree.resource(
                "real/surefire-nested/surefire-reports/TEST-sample.RideBookingTests.xml"));

    assertThat(report.counts()).isEqualTo(new Counts(9, 5, 2, 1, 1));
    assertThat(report.testCases())
        .extracting(TestCase::id)
        .contains(
            "sample.RideBookingTests#books_a_ride",
            "sample.RideBookingTests$WhenAVehicleIsAvailable$AndTheRiderCancels$AfterTheVehicleLeft"
                + "#notifies_the_driver");
  }

  @Test
  void a_class_that_fails_before_its_tests_is_one_errored_test_named_after_the_class()
      throws Exception {
    JUnitXmlReader.Report report =
        reader.read(
            BuildTree.resource(
                "real/surefire-class-level-failures/surefire-reports/TEST-sample.DispatchBeforeAllTests.xml"));

    assertThat(report.testCases())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.id())
                  .isEqualTo("sample.DispatchBeforeAllTests#" + JUnitXmlReader.CLASS_LEVEL);
              assertThat(failure.status()).isEqualTo(TestCase.Status.ERRORED);
              assertThat(failure.message()).isEqualTo("database did not come up on port 5432");
            });
  }

  @Test
  void a_failing_after_all_adds_an_errored_test_to_the_passed_ones() throws Exception {
    JUnitXmlReader.Report report =
        reader.read(
            BuildTree.resource(
                "real/surefire-class-level-failures/surefire-reports/TEST-sample.InvoiceAfterAllTests.xml"));

    assertThat(report.testCases())
        .extracting(TestCase::name, TestCase::status)
        .containsExactly(
            tuple("issues_an_invoice", TestCase.Status.PASSED),
            tuple("totals_an_invoice", TestCase.Status.PASSED),
            tuple(JUnitXmlReader.CLASS_LEVEL, TestCase.Status.ERRORED));
  }

  @Test
  void a_nameless_test_case_without_a_failure_is_still_refused() throws Exception {
    Path file =
        write(
            """
        <testsuite name="sample.X" tests="1" errors="0" skipped="0" failures="0">
          <testcase name="" classname="sample.X" time="0.01"/>
        </testsuite>
        """);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("a <testcase> without a name");
  }

  @Test
  void a_header_that_disagrees_with_test_cases_of_one_class_is_still_refused() throws Exception {
    Path file =
        write(
            """
        <testsuite name="sample.X" tests="0" errors="0" skipped="0" failures="0">
          <testcase name="a" classname="sample.X" time="0.01"/>
        </testsuite>
        """);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("declares tests=\"0\" but holds 1");
  }

  @Test
  void test_cases_of_a_class_outside_the_suite_keep_the_header_checked() throws Exception {
    Path file =
        write(
            """
        <testsuite name="sample.X" tests="0" errors="0" skipped="0" failures="0">
          <testcase name="a" classname="sample.X$Inner" time="0.01"/>
          <testcase name="b" classname="sample.Other" time="0.01"/>
        </testsuite>
        """);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("declares tests=\"0\" but holds 2");
  }

  private Path write(String xml) throws Exception {
    return Files.writeString(dir.resolve("TEST-sample.X.xml"), xml);
  }
}
