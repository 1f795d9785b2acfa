package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class JUnitXmlReaderTests {

  private final JUnitXmlReader reader = new JUnitXmlReader();

  @Test
  void counts_every_outcome_of_a_real_surefire_report() throws Exception {
    JUnitXmlReader.Report report = reader.read(BuildTree.resource(BuildTree.REAL_MIXED));

    assertThat(report.counts()).isEqualTo(new Counts(5, 2, 1, 1, 1));
    assertThat(report.testCases())
        .extracting(TestCase::name, TestCase::status)
        .contains(
            org.assertj.core.groups.Tuple.tuple("fails", TestCase.Status.FAILED),
            org.assertj.core.groups.Tuple.tuple("errors", TestCase.Status.ERRORED),
            org.assertj.core.groups.Tuple.tuple("skipped", TestCase.Status.SKIPPED));
  }

  @Test
  void reads_class_name_time_and_failure_message() throws Exception {
    TestCase fails =
        reader.read(BuildTree.resource(BuildTree.REAL_MIXED)).testCases().stream()
            .filter(t -> t.name().equals("fails"))
            .findFirst()
            .orElseThrow();

    assertThat(fails.className()).isEqualTo("sample.MixedOutcomesTests");
    assertThat(fails.timeSeconds()).isEqualTo(0.003);
    assertThat(fails.message()).isEqualTo("arithmetic ==> expected: <3> but was: <2>");
  }

  @Test
  void a_real_passing_report_has_only_passed_tests() throws Exception {
    Counts counts = reader.read(BuildTree.resource(BuildTree.REAL_PASSING)).counts();

    assertThat(counts).isEqualTo(new Counts(5, 5, 0, 0, 0));
  }

  @Test
  void a_truncated_report_is_unreadable_and_named(@TempDir Path dir) {
    Path cut = new BuildTree(dir).truncated(BuildTree.REAL_MIXED, dir, 2000);

    assertThatThrownBy(() -> reader.read(cut))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("not well-formed XML")
        .satisfies(e -> assertThat(((UnreadableEvidenceException) e).file()).isEqualTo(cut));
  }

  @Test
  void a_doctype_with_an_external_entity_is_refused_not_expanded() throws Exception {
    Path xxe = BuildTree.resource("handmade/xxe.xml");
    String hostname =
        Files.exists(Path.of("/etc/hostname"))
            ? Files.readString(Path.of("/etc/hostname")).strip()
            : "";

    assertThatThrownBy(() -> reader.read(xxe))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("DOCTYPE")
        .satisfies(
            e -> {
              if (!hostname.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(hostname);
              }
            });
  }

  @Test
  void xml_that_is_not_a_junit_report_is_unreadable() {
    assertThatThrownBy(() -> reader.read(BuildTree.resource("handmade/not-junit.xml")))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("root element <project>");
  }

  @Test
  void a_suite_whose_declared_count_disagrees_with_its_testcases_is_unreadable(@TempDir Path dir)
      throws Exception {
    // Hand-made: a report edited to claim more tests than it holds.
    Path file = dir.resolve("TEST-edited.xml");
    Files.writeString(
        file,
        Files.readString(BuildTree.resource(BuildTree.REAL_PASSING))
            .replaceFirst("tests=\"5\"", "tests=\"6\""));

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("declares tests=\"6\" but holds 5");
  }
}
