package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
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

  @TempDir
  Path dir;

  /**
   * Runners whose XML cannot carry their own summary, each checked below for exactly this reason:
   * jest-junit writes a todo test as a plain (passing) testcase while its tests="4" omits it, so the file
   * disagrees with itself and is refused (fail closed); pytest-rerunfailures leaves no trace of a rerun in
   * junit.xml, so the flaky test reads as passed; gotestsum's summary counts its flaky test outside
   * "passed", where Pyramid (like Surefire: "Tests run: 4 ... Flakes: 1") counts it inside.
   */
  private static final List<String> KNOWN = List.of("jest: refused, junit.xml: <testsuite name=\"fare\"> declares tests=\"4\"",
      "pytest: read Counts[tests=7, passed=3, failed=1, errored=1, skipped=2, flaky=0]",
      "go-gotestsum/rerun: read Counts[tests=6, passed=3, failed=2, errored=0, skipped=1, flaky=1]");

  @Test
  void a_test_that_passed_on_a_rerun_is_flaky_not_failed() throws Exception {
    JUnitXmlReader.Report report = new JUnitXmlReader().read(BuildTree.resource("handmade/surefire-flaky.xml"));

    assertThat(report.counts()).isEqualTo(new Counts(3, 2, 1, 0, 0, 1));
  }

  /**
   * Every real/.../expected.properties with a {@code runner} key (written by the helper who ran the real tool):
   * our counts of the JUnit XML files (or Allure results) beside it equal the runner's own summary.
   */
  @Test
  void other_runners_counts_equal_their_own_summaries() throws Exception {
    Path real = BuildTree.resource("real");
    List<String> mismatches = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    List<Path> expectations;
    try (Stream<Path> files = Files.walk(real)) {
      expectations = files.filter(f -> f.getFileName().toString().equals("expected.properties")).sorted().toList();
    }
    for (Path file : expectations) {
      Properties expected = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        expected.load(in);
      }
      if (expected.getProperty("runner") == null) {
        continue;
      }
      Path runner = file.getParent();
      Counts counts;
      try {
        counts = counts(runner);
      } catch (UnreadableEvidenceException e) {
        mismatches.add(real.relativize(runner) + ": refused, " + e.file().getFileName() + ": " + e.getMessage());
        checked.add(real.relativize(runner).toString());
        continue;
      }
      Counts want = new Counts(count(expected, "tests"), count(expected, "passed"), count(expected, "failed"),
          count(expected, "errored"), count(expected, "skipped"), count(expected, "flaky"));
      String name = real.relativize(runner).toString();
      checked.add(name);
      if (!counts.equals(want)) {
        mismatches.add(name + ": read " + counts + ", runner says " + want);
      }
    }
    System.out.println("real runners checked: " + checked + "; mismatches: " + mismatches);
    assertThat(checked).contains("node-test");
    assertThat(mismatches).allSatisfy(m -> assertThat(KNOWN.stream().anyMatch(m::startsWith))
        .as("unexpected mismatch: " + m).isTrue());
  }

  private static Counts counts(Path runner) throws Exception {
    if (Files.isDirectory(runner.resolve("allure-results"))) {
      Sources sources = new Sources(java.util.Map.of(Layer.E2E,
          Sources.LayerSources.NONE.withAllure(List.of("allure-results/*-result.json"))));
      return new EvidenceCollector().collect(List.of(runner), sources).of(Layer.E2E).counts();
    }
    Counts counts = Counts.NONE;
    if (Files.exists(runner.resolve("junit.xml"))) {
      return new JUnitXmlReader().read(runner.resolve("junit.xml")).counts();
    }
    try (Stream<Path> files = Files.walk(runner)) {
      for (Path xml : files.filter(f -> f.toString().endsWith(".xml") && !f.toString().contains("/source/")
          && !f.getFileName().toString().startsWith("failsafe-summary")).sorted().toList()) {
        counts = counts.plus(new JUnitXmlReader().read(xml).counts());
      }
    }
    return counts;
  }

  @Test
  void reads_the_report_level_counters_of_a_real_jacoco_report_with_its_doctype() throws Exception {
    Coverage coverage = new JacocoXmlReader().read(BuildTree.resource("tool-output/jacoco-api-gateway.xml"));

    assertThat(coverage.linesCovered() + coverage.linesMissed()).isPositive();
    assertThat(coverage.linePercent()).isBetween(0.0, 100.0);
  }

  @Test
  void a_jacoco_report_with_an_external_entity_is_unreadable() throws Exception {
    Path xxe = Files.writeString(dir.resolve("jacoco.xml"), "<?xml version=\"1.0\"?><!DOCTYPE report [<!ENTITY e SYSTEM "
        + "\"file:///etc/passwd\">]><report name=\"&e;\"><counter type=\"LINE\" missed=\"0\" covered=\"1\"/></report>");

    assertThatThrownBy(() -> new JacocoXmlReader().read(xxe)).isInstanceOf(UnreadableEvidenceException.class);
  }

  @Test
  void allure_results_count_by_status_and_retries_count_once_as_flaky() throws Exception {
    write("a-result.json", "{\"name\":\"t1\",\"fullName\":\"svc.T.t1\",\"status\":\"passed\",\"historyId\":\"1\","
        + "\"stop\":1,\"labels\":[{\"name\":\"layer\",\"value\":\"e2e\"}]}");
    write("b-result.json", "{\"name\":\"t2\",\"status\":\"broken\",\"historyId\":\"2\",\"stop\":1}");
    write("c-result.json", "{\"name\":\"t3\",\"status\":\"failed\",\"historyId\":\"3\",\"stop\":1}");
    write("d-result.json", "{\"name\":\"t3\",\"status\":\"passed\",\"historyId\":\"3\",\"stop\":2}");
    write("e-result.json", "{\"name\":\"t4\",\"status\":\"skipped\",\"historyId\":\"4\",\"stop\":1}");
    write("f-result.json", "{\"name\":\"u\",\"status\":\"failed\",\"historyId\":\"5\",\"stop\":1,"
        + "\"labels\":[{\"name\":\"layer\",\"value\":\"unit\"}]}");
    Sources sources = new Sources(java.util.Map.of(Layer.E2E,
        Sources.LayerSources.NONE.withAllure(List.of("allure-results/*-result.json"))));

    Evidence evidence = new EvidenceCollector().collect(List.of(dir), sources);

    // t1 passed, t2 broken = errored, t3 failed then passed = flaky, t4 skipped; "u" is labelled unit.
    assertThat(evidence.of(Layer.E2E).counts()).isEqualTo(new Counts(4, 2, 0, 1, 1, 1));
  }

  @Test
  void pact_files_list_their_interactions() throws Exception {
    Path pact = Files.writeString(dir.resolve("gw-core.json"), "{\"consumer\":{\"name\":\"gw\"},\"provider\":{\"name\":"
        + "\"core\"},\"interactions\":[{\"description\":\"a ride\"},{\"description\":\"a vehicle\"}]}");

    PactFile read = new PactReportReader().readPact(pact);

    assertThat(read.interactions()).containsExactly("a ride", "a vehicle");
  }

  private static int count(Properties expected, String key) {
    return Integer.parseInt(expected.getProperty(key).strip());
  }

  private void write(String name, String json) throws IOException {
    Files.createDirectories(dir.resolve("allure-results"));
    Files.writeString(dir.resolve("allure-results").resolve(name), json);
  }
}
