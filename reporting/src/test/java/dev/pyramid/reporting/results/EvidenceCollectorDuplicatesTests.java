package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same test result in two files of a layer, in one root or two ({@link DuplicateResults}):
 * TestNG's copies beside Surefire's report and copied files are refused naming both files and the
 * glob; distinct tests that share an id in files side by side, as real runners write them, are not.
 */
@UnitTest
class EvidenceCollectorDuplicatesTests {

  /** What every duplicate problem says, and no other problem does. */
  private static final String TWICE = "which would count twice";

  private static final String BROAD = "**/TEST-*.xml";

  private final EvidenceCollector collector = new EvidenceCollector();

  @TempDir Path dir;

  @Test
  void testng_copies_under_a_broad_glob_are_refused_naming_both_files_and_the_glob()
      throws Exception {
    Path testng = BuildTree.resource("real/surefire-testng");
    Path surefire = testng.resolve("surefire-reports/TEST-TestSuite.xml");

    LayerEvidence unit = unit(List.of(testng), BROAD);

    assertThat(unit.problems())
        .extracting(problem -> testng.relativize(problem.file()).toString())
        .containsExactly(
            "surefire-reports/junitreports/TEST-sample.LedgerTest.xml",
            "surefire-reports/junitreports/TEST-sample.PayoutTest.xml");
    assertThat(unit.problems())
        .allSatisfy(
            problem ->
                assertThat(problem.reason())
                    .contains("results (test sample.")
                    .contains(" of " + surefire + " again, " + TWICE)
                    .contains("a second report of the same run, from a folder below that file's")
                    .contains("The junit glob \"" + BROAD + "\" of layer unit matches both")
                    .endsWith("e.g. \"**/surefire-reports/TEST-*.xml\""));
    assertThat(unit.problems().get(1).reason())
        .startsWith("holds 4 results (test sample.PayoutTest#transfersThePayout, ...)");
  }

  @Test
  void testng_under_the_narrowed_glob_counts_as_surefire_s_console() throws Exception {
    Path testng = BuildTree.resource("real/surefire-testng");
    Properties expected = new Properties();
    try (InputStream in = Files.newInputStream(testng.resolve("expected.properties"))) {
      expected.load(in);
    }

    LayerEvidence unit = unit(List.of(testng), "**/surefire-reports/TEST-*.xml");

    assertThat(unit.problems()).isEmpty();
    assertThat(unit.counts())
        .isEqualTo(
            new Counts(
                figure(expected, "tests"),
                figure(expected, "passed"),
                figure(expected, "failed"),
                figure(expected, "errored"),
                figure(expected, "skipped"),
                figure(expected, "flaky")));
  }

  @Test
  void a_result_file_copied_into_a_second_folder_of_one_root_is_refused() throws Exception {
    BuildTree tree = new BuildTree(dir);
    Path first = tree.put(BuildTree.REAL_MIXED, "shard-a");
    Path copy = tree.put(BuildTree.REAL_MIXED, "shard-b");

    LayerEvidence unit = unit(List.of(dir), BROAD);

    assertThat(unit.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(copy);
              assertThat(problem.reason())
                  .startsWith("holds 5 results (test sample.MixedOutcomesTests#")
                  .contains(" of " + first + " again, " + TWICE + ": a copy of it (the same bytes)")
                  .contains("The junit glob \"" + BROAD + "\" of layer unit matches both")
                  .contains("remove the copy");
            });
  }

  @Test
  void a_job_s_results_copied_into_a_second_root_are_refused_naming_the_first_root()
      throws Exception {
    Path first = new BuildTree(dir.resolve("job-1")).unit("fleet-core", BuildTree.REAL_MIXED);
    new BuildTree(dir.resolve("job-2")).unit("fleet-core", BuildTree.REAL_MIXED);

    LayerEvidence unit = unit(List.of(dir.resolve("job-1"), dir.resolve("job-2")), "**/TEST-*.xml");

    assertThat(unit.problems())
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.reason())
                    .contains(" of " + first + " (in root " + dir.resolve("job-1") + ") again")
                    .contains("a copy of it (the same bytes)")
                    .endsWith("remove the copy, or leave one of the two roots out"));
  }

  @Test
  void the_same_file_through_two_overlapping_roots_is_refused() throws Exception {
    new BuildTree(dir.resolve("job")).unit("fleet-core", BuildTree.REAL_MIXED);

    LayerEvidence unit = unit(List.of(dir, dir.resolve("job")), BROAD);

    assertThat(unit.problems())
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.reason())
                    .contains("the same file, read through result roots that overlap"));
    assertThat(unit.counts().tests()).isEqualTo(10); // counted twice, and refused
  }

  @Test
  void one_class_name_in_two_modules_is_two_tests_not_a_duplicate() throws Exception {
    BuildTree tree = new BuildTree(dir);
    tree.unit("billing", BuildTree.REAL_MIXED);
    Path other = tree.unit("payments", BuildTree.REAL_MIXED);
    Files.writeString(other, Files.readString(other).replace("time=\"", "time=\"1"));

    LayerEvidence unit = unit(List.of(dir), BROAD);

    assertThat(unit.problems()).isEmpty();
    assertThat(unit.counts().tests()).isEqualTo(10);
  }

  @Test
  void an_allure_result_copied_is_refused_retries_and_parameterized_runs_are_not()
      throws Exception {
    String param = "{\"uuid\":\"%s\",\"name\":\"fare\",\"fullName\":\"s.T.fare\",";
    write("a/1-result.json", param.formatted("1") + "\"historyId\":\"h1\",\"status\":\"failed\"}");
    write("a/2-result.json", param.formatted("2") + "\"historyId\":\"h1\",\"status\":\"passed\"}");
    write("a/3-result.json", param.formatted("3") + "\"historyId\":\"h2\",\"status\":\"passed\"}");
    // Pyramid's own aggregate copies results with labels added: other bytes, the same uuid.
    Path copy =
        write(
            "b/3-result.json",
            param.formatted("3")
                + "\"historyId\":\"h2\",\"status\":\"passed\",\"labels\":[{\"name\":\"layer\",\"value\":\"e2e\"}]}");
    Sources sources =
        new Sources(
            Map.of(
                Layer.E2E, Sources.LayerSources.NONE.with("allure", List.of("*/*-result.json"))));

    LayerEvidence e2e = collector.collect(List.of(dir), sources).evidence().of(Layer.E2E);

    assertThat(e2e.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(copy);
              assertThat(problem.reason())
                  .startsWith("holds result 3 of " + dir.resolve("a/3-result.json") + " again")
                  .contains("a copy of it (a uuid names one execution)");
            });
  }

  /**
   * Every real runner's output (each folder of real/, and all of them as one root, as a glob over
   * Pyramid's own target/test-classes would find them) read with the broadest globs: the only
   * duplicates are TestNG's copies. Parameterized and repeated tests, reruns in one file, Jest's
   * tests of one name and fixtures of one class in sibling folders are not duplicates.
   */
  @Test
  void no_real_runner_output_but_testng_s_copies_holds_a_duplicate() throws Exception {
    Path real = BuildTree.resource("real");
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> folders = Files.list(real)) {
      folders.filter(Files::isDirectory).sorted().forEach(roots::add);
    }
    roots.add(real);
    List<String> duplicates = new ArrayList<>();
    Sources broadest =
        new Sources(
            Map.of(
                Layer.UNIT,
                Sources.LayerSources.NONE
                    .with("junit", List.of("**/*.xml"))
                    .with("allure", List.of("**/*-result.json"))));
    for (Path root : roots) {
      collector.collect(List.of(root), broadest).evidence().of(Layer.UNIT).problems().stream()
          .filter(problem -> problem.reason().contains(TWICE))
          .forEach(problem -> duplicates.add(real.relativize(problem.file()).toString()));
    }

    assertThat(roots).hasSizeGreaterThan(20);
    assertThat(duplicates)
        .containsOnly(
            "surefire-testng/surefire-reports/junitreports/TEST-sample.LedgerTest.xml",
            "surefire-testng/surefire-reports/junitreports/TEST-sample.PayoutTest.xml")
        .hasSize(4); // in its own folder, and in real/ as a whole
  }

  private LayerEvidence unit(List<Path> roots, String glob) {
    Sources sources =
        new Sources(Map.of(Layer.UNIT, Sources.LayerSources.NONE.with("junit", List.of(glob))));
    return collector.collect(roots, sources).evidence().of(Layer.UNIT);
  }

  private Path write(String relative, String json) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  private static int figure(Properties expected, String key) {
    return Integer.parseInt(expected.getProperty(key).strip());
  }
}
