package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.internal.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flaky reruns, other runners' JUnit XML, JaCoCo, Allure results and pact files. */
@UnitTest
class OtherReadersTests {

  @TempDir Path dir;

  /**
   * What truly cannot be matched, each with its reason; every entry must still occur (a stale entry
   * fails):
   *
   * <ul>
   *   <li>pytest-rerunfailures (10.2, the only version Debian has) writes only the last attempt of
   *       a rerun test to junit.xml, so pytest's "1 rerun" (a count of extra executions) is in no
   *       file the gate reads; pytest's other figures do match;
   *   <li>jest-afterall: an afterAll hook that throws makes Jest fail the suite while its "Tests:"
   *       line says "1 todo, 1 passed"; jest-junit adds a failing test case that its tests="1"
   *       leaves out. The file is refused on purpose (INCOMPLETE, fail closed): reading it as
   *       Jest's line would promote a build whose suite failed.
   * </ul>
   */
  private static final List<String> KNOWN =
      List.of(
          "pytest: pytest says 1 rerun, junit.xml holds 0 repeated executions",
          "jest-afterall: refused, junit.xml: <testsuite name=\"ledger\"> declares tests=\"1\" but holds 3");

  @Test
  void a_test_that_passed_on_a_rerun_is_flaky_not_failed() throws Exception {
    JUnitXmlReader.Report report =
        new JUnitXmlReader().read(BuildTree.resource("handmade/surefire-flaky.xml"));

    assertThat(report.counts()).isEqualTo(new Counts(3, 2, 1, 0, 0, 1));
  }

  /**
   * Every real/.../expected.properties with a {@code runner} key (written by the helper who ran the
   * real tool): our counts of the JUnit XML files (or Allure results) beside it equal the figures
   * it states (a key it leaves out is a figure the runner does not report), and, for runners whose
   * closing summary this test parses (Jest, pytest, gotestsum), every figure of that summary, read
   * verbatim from console-output.txt, equals what we read.
   */
  @Test
  void other_runners_counts_equal_their_own_summaries() throws Exception {
    Path real = BuildTree.resource("real");
    List<String> mismatches = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    List<Path> expectations;
    try (Stream<Path> files = Files.walk(real)) {
      expectations =
          files
              .filter(f -> f.getFileName().toString().equals("expected.properties"))
              .sorted()
              .toList();
    }
    for (Path file : expectations) {
      Properties expected = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        expected.load(in);
      }
      String runner = expected.getProperty("runner");
      if (runner == null) {
        continue;
      }
      Path folder = file.getParent();
      String name = real.relativize(folder).toString();
      checked.add(name);
      Read read;
      try {
        read = read(folder);
      } catch (UnreadableEvidenceException e) {
        mismatches.add(name + ": refused, " + e.file().getFileName() + ": " + e.getMessage());
        continue;
      }
      for (String key : List.of("tests", "passed", "failed", "errored", "skipped", "flaky")) {
        if (expected.getProperty(key) != null && count(expected, key) != figure(read.counts, key)) {
          mismatches.add(
              name
                  + ": read "
                  + key
                  + "="
                  + figure(read.counts, key)
                  + ", expected.properties says "
                  + count(expected, key));
        }
      }
      for (String key : List.of("executions", "execution-failures")) {
        if (expected.getProperty("runner." + key) != null) {
          int ours =
              key.equals("executions")
                  ? read.executions.tests()
                  : read.executions.failed() + read.executions.errored();
          if (ours != count(expected, "runner." + key)) {
            mismatches.add(
                name
                    + ": read "
                    + key
                    + "="
                    + ours
                    + ", expected.properties says "
                    + count(expected, "runner." + key));
          }
        }
      }
      if (RunnerSummaries.PARSED.contains(runner)) {
        String console = Files.readString(folder.resolve("console-output.txt"));
        RunnerSummaries.mismatches(runner, console, read.counts, read.executions)
            .forEach(m -> mismatches.add(name + ": " + m));
      }
    }
    System.out.println("real runners checked: " + checked + "; mismatches: " + mismatches);
    assertThat(checked)
        .contains(
            "node-test",
            "jest",
            "jest-todo",
            "jest-duplicate-names",
            "pytest",
            "pytest-flaky",
            "go-gotestsum/rerun",
            "go-gotestsum/panic");
    assertThat(mismatches)
        .allSatisfy(
            m ->
                assertThat(KNOWN.stream().anyMatch(m::startsWith))
                    .as("unexpected mismatch: " + m)
                    .isTrue());
    assertThat(KNOWN)
        .as("known limits that no longer occur")
        .allSatisfy(
            known ->
                assertThat(mismatches.stream().anyMatch(m -> m.startsWith(known)))
                    .as(known)
                    .isTrue());
  }

  /** What a runner's folder holds, read as the gate reads it. */
  private record Read(Counts counts, Counts executions) {}

  private static Read read(Path runner) throws Exception {
    if (Files.isDirectory(runner.resolve("allure-results"))) {
      Sources sources =
          new Sources(
              java.util.Map.of(
                  Layer.E2E,
                  Sources.LayerSources.NONE.with(
                      "allure", List.of("allure-results/*-result.json"))));
      Counts counts =
          new EvidenceCollector()
              .collect(List.of(runner), sources)
              .evidence()
              .of(Layer.E2E)
              .counts();
      return new Read(counts, counts);
    }
    if (Files.exists(runner.resolve("junit.xml"))) {
      JUnitXmlReader.Report report = new JUnitXmlReader().read(runner.resolve("junit.xml"));
      return new Read(report.counts(), report.executions());
    }
    Counts counts = Counts.NONE;
    Counts executions = Counts.NONE;
    try (Stream<Path> files = Files.walk(runner)) {
      for (Path xml :
          files
              .filter(
                  f ->
                      f.toString().endsWith(".xml")
                          && !f.toString().contains("/source/")
                          && !f.getFileName().toString().startsWith("failsafe-summary"))
              .sorted()
              .toList()) {
        JUnitXmlReader.Report report = new JUnitXmlReader().read(xml);
        counts = counts.plus(report.counts());
        executions = executions.plus(report.executions());
      }
    }
    return new Read(counts, executions);
  }

  private static int figure(Counts counts, String key) {
    return switch (key) {
      case "tests" -> counts.tests();
      case "passed" -> counts.passed();
      case "failed" -> counts.failed();
      case "errored" -> counts.errored();
      case "skipped" -> counts.skipped();
      case "flaky" -> counts.flaky();
      default -> throw new IllegalArgumentException(key);
    };
  }

  @Test
  void reads_the_report_level_counters_of_a_real_jacoco_report_with_its_doctype() throws Exception {
    Coverage coverage =
        new JacocoXmlReader().read(BuildTree.resource("tool-output/jacoco-api-gateway.xml"));

    assertThat(coverage.linesCovered() + coverage.linesMissed()).isPositive();
    assertThat(coverage.linePercent()).isBetween(0.0, 100.0);
  }

  @Test
  void a_jacoco_report_with_an_external_entity_is_unreadable() throws Exception {
    Path xxe =
        Files.writeString(
            dir.resolve("jacoco.xml"),
            "<?xml version=\"1.0\"?><!DOCTYPE report [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><report name=\"&e;\"><counter type=\"LINE\" missed=\"0\" covered=\"1\"/></report>");

    assertThatThrownBy(() -> new JacocoXmlReader().read(xxe))
        .isInstanceOf(UnreadableEvidenceException.class);
  }

  @Test
  void allure_results_count_by_status_and_retries_count_once_as_flaky() throws Exception {
    write(
        "a-result.json",
        "{\"name\":\"t1\",\"fullName\":\"svc.T.t1\",\"status\":\"passed\",\"historyId\":\"1\","
            + "\"stop\":1,\"labels\":[{\"name\":\"layer\",\"value\":\"e2e\"}]}");
    write(
        "b-result.json", "{\"name\":\"t2\",\"status\":\"broken\",\"historyId\":\"2\",\"stop\":1}");
    write(
        "c-result.json", "{\"name\":\"t3\",\"status\":\"failed\",\"historyId\":\"3\",\"stop\":1}");
    write(
        "d-result.json", "{\"name\":\"t3\",\"status\":\"passed\",\"historyId\":\"3\",\"stop\":2}");
    write(
        "e-result.json", "{\"name\":\"t4\",\"status\":\"skipped\",\"historyId\":\"4\",\"stop\":1}");
    write(
        "f-result.json",
        "{\"name\":\"u\",\"status\":\"failed\",\"historyId\":\"5\",\"stop\":1,"
            + "\"labels\":[{\"name\":\"layer\",\"value\":\"unit\"}]}");
    Sources sources =
        new Sources(
            java.util.Map.of(
                Layer.E2E,
                Sources.LayerSources.NONE.with("allure", List.of("allure-results/*-result.json"))));

    Evidence evidence = new EvidenceCollector().collect(List.of(dir), sources).evidence();

    // t1 passed, t2 broken = errored, t3 failed then passed = flaky, t4 skipped; "u" is labelled
    // unit, but
    // only e2e's globs find it: neither counted for e2e nor dropped, a problem naming the fix.
    assertThat(evidence.of(Layer.E2E).counts()).isEqualTo(new Counts(4, 2, 0, 1, 1, 1));
    assertThat(evidence.of(Layer.E2E).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file().getFileName()).hasToString("f-result.json");
              assertThat(problem.reason())
                  .contains("labelled for layer unit")
                  .contains("allure sources of unit");
            });
  }

  @Test
  void pact_files_list_their_interactions() throws Exception {
    Path pact =
        Files.writeString(
            dir.resolve("gw-core.json"),
            "{\"consumer\":{\"name\":\"gw\"},\"provider\":{\"name\":"
                + "\"core\"},\"interactions\":[{\"description\":\"a ride\"},{\"description\":\"a vehicle\"}]}");

    PactFile read = new PactFileReader().read(pact);

    assertThat(read.interactions()).containsExactly("a ride", "a vehicle");
    assertThat(read.sha256()).isEqualTo(Sha256.of(pact));
  }

  private static int count(Properties expected, String key) {
    return Integer.parseInt(expected.getProperty(key).strip());
  }

  private void write(String name, String json) throws IOException {
    Files.createDirectories(dir.resolve("allure-results"));
    Files.writeString(dir.resolve("allure-results").resolve(name), json);
  }
}
