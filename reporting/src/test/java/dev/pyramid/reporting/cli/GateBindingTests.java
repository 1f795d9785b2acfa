package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Evidence bound to the build, quarantine, manual approval, history and promotion, through the
 * command.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateBindingTests {

  private static final String POLICY = BuildTree.resource(BuildTree.POLICY).toString();

  @TempDir Path root;

  /**
   * Outputs, history and quarantine files: outside the stamped root, where a write would count as
   * tampering.
   */
  @TempDir Path work;

  @Test
  void promotes_a_stamped_root_and_records_the_stamp_in_decision_json() throws Exception {
    new BuildTree(root).stagingPasses();
    stamp(root, "build-1");

    assertThat(gate(List.of(root), "staging", "build-1")).isZero();

    JsonNode json = json();
    assertThat(json.get("stamps").get(0).get("trusted").asBoolean()).isTrue();
    assertThat(json.get("build").asText()).isEqualTo("build-1");
  }

  @Test
  void a_file_edited_after_stamping_is_incomplete_naming_the_file() throws Exception {
    BuildTree tree = new BuildTree(root).stagingPasses();
    stamp(root, "build-1");
    Path report = tree.e2e("e2e-tests", BuildTree.REAL_MIXED);
    Path edited =
        root.resolve("platform/fleet-core/target/surefire-reports/unit")
            .resolve(BuildTree.resource(BuildTree.REAL_PASSING).getFileName());
    Files.writeString(edited, Files.readString(edited).replace("time=\"", "time=\"1"));

    String console =
        ConsoleCapture.capture(
            () -> assertThat(gate(List.of(root), "staging", "build-1")).isEqualTo(2));

    assertThat(console)
        .contains(edited + ": changed after stamping")
        .contains(report + ": added after stamping");
  }

  @Test
  void a_removed_file_an_unstamped_root_and_a_foreign_stamp_are_incomplete() throws Exception {
    Path second = Files.createDirectories(root.resolve("job-2"));
    Path first = Files.createDirectories(root.resolve("job-1"));
    BuildTree one = new BuildTree(first).stagingPasses();
    new BuildTree(second).unit("svc", BuildTree.REAL_MIXED);
    stamp(first, "build-1");
    one.delete("e2e-tests");

    String unstamped =
        ConsoleCapture.capture(
            () -> assertThat(gate(List.of(first, second), "staging", "build-1")).isEqualTo(2));
    stamp(second, "build-0");
    String foreign =
        ConsoleCapture.capture(
            () -> assertThat(gate(List.of(second), "staging", "build-1")).isEqualTo(2));

    assertThat(unstamped)
        .contains("removed after stamping")
        .contains(second + ": unstamped result root");
    assertThat(foreign).contains("stamped for another build");
  }

  @Test
  void a_test_counted_twice_across_roots_is_incomplete() throws Exception {
    Path first = Files.createDirectories(root.resolve("job-1"));
    Path second = Files.createDirectories(root.resolve("job-2"));
    new BuildTree(first).stagingPasses();
    new BuildTree(second).unit("copy", BuildTree.REAL_PASSING);
    stamp(first, "build-1");
    stamp(second, "build-1");

    String console =
        ConsoleCapture.capture(
            () -> assertThat(gate(List.of(first, second), "staging", "build-1")).isEqualTo(2));

    assertThat(console).contains("(in root " + first + ") again").contains("a copy of it");
  }

  @Test
  void a_valid_quarantine_lets_a_failure_pass_and_lists_it_an_expired_one_blocks_naming_the_owner()
      throws Exception {
    BuildTree tree = new BuildTree(root).stagingPasses();
    Path failing =
        Files.createDirectories(root.resolve("e2e-tests/target/failsafe-reports/e2e"))
            .resolve("TEST-q.xml");
    Files.writeString(
        failing,
        """
        <testsuite name="q" tests="1" failures="1"><testcase classname="q.JourneyIT" name="books">
        <failure message="boom"/></testcase></testsuite>""");
    Path valid =
        write(
            "q-valid.yml",
            "quarantine:\n  - { test: \"q.JourneyIT#books\", owner: team-a, "
                + "reason: FLAKE-1, expires: 2999-01-01 }\n");
    Path expired =
        write(
            "q-expired.yml",
            "quarantine:\n  - { test: \"q.JourneyIT#books\", owner: team-a, "
                + "reason: FLAKE-1, expires: 2001-01-01 }\n");
    Path malformed =
        write("q-bad.yml", "quarantine:\n  - { test: x, owner: y, reason: z, expires: soon }\n");
    stamp(root, "build-1");

    String passes =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        gate(List.of(root), "staging", "build-1", "--quarantine", valid.toString()))
                    .isZero());
    String blocks =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        gate(
                            List.of(root),
                            "staging",
                            "build-1",
                            "--quarantine",
                            expired.toString()))
                    .isEqualTo(1));
    String bad =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        gate(
                            List.of(root),
                            "staging",
                            "build-1",
                            "--quarantine",
                            malformed.toString()))
                    .isEqualTo(3));

    assertThat(passes).contains("quarantined (does not block): q.JourneyIT#books, owner team-a");
    assertThat(json().get("quarantined").get(0).get("owner").asText()).isEqualTo("team-a");
    assertThat(blocks).contains("quarantine EXPIRED 2001-01-01, owner team-a");
    assertThat(bad).contains("q-bad.yml:2").contains("not a date");
  }

  @Test
  void a_weighted_failure_asks_for_manual_approval_with_exit_4() throws Exception {
    new BuildTree(root).stagingPasses().e2e("more-e2e", BuildTree.REAL_PASSING_2);
    stamp(root, "build-1");

    // e2e (12) now outnumbers contract (7): the non-blocking pyramid shape fails, the score drops
    // to 50%.
    String console =
        ConsoleCapture.capture(
            () -> assertThat(gate(List.of(root), "staging", "build-1")).isEqualTo(4));

    assertThat(console).contains("MANUAL_APPROVAL").contains("shape.pyramid-shape");
    assertThat(Files.readString(work.resolve("out/decision-junit.xml")))
        .contains(
            "name=\"shape.pyramid-shape\" time=\"0\"><failure message=\"expected unit &gt;= contract &gt;= e2e");
  }

  @Test
  void promote_requires_a_promote_decision_and_the_previous_stage() throws Exception {
    new BuildTree(root).stagingPasses();
    stamp(root, "build-1");
    assertThat(gate(List.of(root), "staging", "build-1")).isZero();

    String skipped =
        ConsoleCapture.capture(() -> assertThat(promote("staging", "build-1")).isEqualTo(1));
    String undecided =
        ConsoleCapture.capture(() -> assertThat(promote("dev", "build-2")).isEqualTo(1));
    assertThat(gate(List.of(root), "dev", "build-1")).isZero();
    assertThat(promote("dev", "build-1")).isZero();
    assertThat(promote("staging", "build-1")).isZero();
    String listed =
        ConsoleCapture.capture(
            () ->
                assertThat(
                        PyramidCommand.run(
                            "history", "--history", history().toString(), "--stage", "staging"))
                    .isZero());

    assertThat(skipped).contains("has not reached dev");
    assertThat(undecided).contains("no decision at all");
    assertThat(listed).contains("promoted").contains("PROMOTE");
    assertThat(Files.readAllLines(history())).hasSize(4);
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(work.resolve(name), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path history() {
    return work.resolve("history.jsonl");
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(work.resolve("out/decision.json").toFile());
  }

  private static void stamp(Path dir, String build) {
    assertThat(
            PyramidCommand.run(
                "stamp",
                "--dir",
                dir.toString(),
                "--commit",
                BuildTree.BUILD.commit(),
                "--build-id",
                build))
        .isZero();
  }

  private int promote(String stage, String build) {
    return PyramidCommand.run(
        "promote",
        "--stage",
        stage,
        "--policy",
        POLICY,
        "--commit",
        BuildTree.BUILD.commit(),
        "--build-id",
        build,
        "--history",
        history().toString());
  }

  private int gate(List<Path> roots, String stage, String build, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--stage",
                stage,
                "--policy",
                POLICY,
                "--commit",
                BuildTree.BUILD.commit(),
                "--build-id",
                build,
                "--out",
                work.resolve("out").toString(),
                "--history",
                history().toString(),
                "--quarantine",
                write("none.yml", "quarantine: []\n").toString()));
    for (Path r : roots) {
      args.add("--results");
      args.add(r.toString());
    }
    if (more.length > 0) {
      args.removeAll(List.of("--quarantine", work.resolve("none.yml").toString()));
      args.addAll(List.of(more));
    }
    return PyramidCommand.run(args.toArray(String[]::new));
  }
}
