package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A glob matching what is not a regular file: a FIFO, a socket, a symbolic link leaving the root or
 * staying in it, a directory. The gate opens none of them and follows no link: it answers at once,
 * INCOMPLETE (exit 2), naming each; the stamp, which covers regular files only, agrees, so the
 * refusal is the one message.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateNonRegularFilesTests {

  /** Long enough for a gate run on a small tree; a read blocked on a FIFO never ends. */
  private static final Duration ANSWERS_WITHIN = Duration.ofSeconds(1);

  private static final String POLICY = BuildTree.resource(BuildTree.POLICY).toString();

  private static final String UNIT = "platform/fleet-core/target/surefire-reports/unit/";

  @TempDir Path root;

  /** Outputs, history, and the files links point to: outside the stamped root. */
  @TempDir Path work;

  /**
   * One gate run first: the first of a JVM loads most of the gate, the next answer in a tenth of a
   * second, so the time limit judges the reading, not the start-up.
   */
  @BeforeAll
  static void warmUp(@TempDir Path warm) throws Exception {
    GateNonRegularFilesTests first = new GateNonRegularFilesTests();
    first.root = Files.createDirectories(warm.resolve("root"));
    first.work = Files.createDirectories(warm.resolve("work"));
    new BuildTree(first.root).stagingPasses();
    ConsoleCapture.capture(
        () -> {
          first.stamp();
          assertThat(first.gate()).isZero();
        });
  }

  @Test
  void a_fifo_matched_by_a_glob_is_incomplete_naming_it_and_never_opened() throws Exception {
    new BuildTree(root).stagingPasses();
    Path fifo = root.resolve(UNIT + "TEST-x.xml");
    assumeTrue(mkfifo(fifo), "mkfifo is not available here");
    stamp();

    String console = gateWithinASecond();

    assertThat(console)
        .contains(fifo + ": a named pipe (FIFO), not a regular file: not opened")
        .doesNotContain("after stamping");
  }

  @Test
  void a_socket_matched_by_a_glob_is_incomplete_naming_it() throws Exception {
    new BuildTree(root).stagingPasses();
    Path socket = Files.createDirectories(root.resolve("s/target/surefire-reports/unit"));
    socket = socket.resolve("TEST-s.xml");
    stamp();

    try (ServerSocketChannel server =
        ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      String console = gateWithinASecond();

      assertThat(console)
          .contains(socket + ": a socket, not a regular file: not opened")
          .doesNotContain("after stamping");
    }
  }

  @Test
  void a_symbolic_link_leaving_the_root_is_refused_naming_the_link_and_its_target()
      throws Exception {
    new BuildTree(root).stagingPasses();
    Path outside =
        Files.copy(BuildTree.resource(BuildTree.REAL_PASSING), work.resolve("TEST-o.xml"));
    Path link =
        Files.createSymbolicLink(
            Files.createDirectories(root.resolve("e2e-tests/target/failsafe-reports/e2e"))
                .resolve("TEST-outside.xml"),
            outside);
    stamp();

    String console = gateWithinASecond();

    assertThat(console)
        .contains(
            link
                + ": a symbolic link to "
                + outside
                + ", outside the result root "
                + root
                + ": not followed")
        .doesNotContain("after stamping");
  }

  @Test
  void a_relative_symbolic_link_climbing_out_of_the_root_names_where_it_leads() throws Exception {
    new BuildTree(root).stagingPasses();
    Path outside =
        Files.copy(BuildTree.resource(BuildTree.REAL_PASSING), work.resolve("TEST-o.xml"));
    Path unit = root.resolve(UNIT);
    Path written = unit.relativize(outside);
    Path link = Files.createSymbolicLink(unit.resolve("TEST-climbs.xml"), written);
    stamp();

    String console = gateWithinASecond();

    assertThat(console)
        .contains(link + ": a symbolic link to " + written + " (" + outside.toRealPath() + ")")
        .contains("outside the result root " + root);
  }

  @Test
  void a_symbolic_link_inside_the_root_is_refused_too_so_nothing_counts_twice() throws Exception {
    BuildTree tree = new BuildTree(root).stagingPasses();
    Path report = tree.unit("framework", BuildTree.REAL_MIXED);
    Path link = Files.createSymbolicLink(root.resolve(UNIT + "TEST-again.xml"), report);
    stamp();

    String console = gateWithinASecond();

    assertThat(console)
        .contains(
            link + ": a symbolic link to " + report + ", inside the result root: not followed")
        .doesNotContain("after stamping");
  }

  @Test
  void a_directory_matched_by_a_file_glob_is_refused_and_its_files_still_agree_with_the_stamp()
      throws Exception {
    BuildTree tree = new BuildTree(root).stagingPasses();
    Path directory = root.resolve(UNIT + "TEST-dir.xml");
    tree.write(UNIT + "TEST-dir.xml/notes.txt", "kept by the stamp");
    stamp();

    String console = gateWithinASecond();

    assertThat(console)
        .contains(directory + ": a directory, where a result file glob expects a file")
        .doesNotContain("after stamping");
  }

  @Test
  void the_same_tree_without_them_promotes() throws Exception {
    new BuildTree(root).stagingPasses();
    stamp();

    assertThat(gate()).isZero();
  }

  /** Runs the gate, which must answer INCOMPLETE within {@link #ANSWERS_WITHIN}; its console. */
  private String gateWithinASecond() {
    return assertTimeoutPreemptively(
        ANSWERS_WITHIN,
        () -> ConsoleCapture.capture(() -> assertThat(gate()).isEqualTo(2)),
        "the gate did not answer: it opened what it should not have");
  }

  private int gate() {
    return PyramidCommand.run(
        "gate",
        "--stage",
        "staging",
        "--policy",
        POLICY,
        "--commit",
        BuildTree.BUILD.commit(),
        "--build-id",
        BuildTree.BUILD.buildId(),
        "--out",
        work.resolve("out").toString(),
        "--history",
        work.resolve("history.jsonl").toString(),
        "--results",
        root.toString());
  }

  private void stamp() {
    assertThat(
            PyramidCommand.run(
                "stamp",
                "--dir",
                root.toString(),
                "--commit",
                BuildTree.BUILD.commit(),
                "--build-id",
                BuildTree.BUILD.buildId()))
        .isZero();
  }

  /** Makes a named pipe at {@code fifo} with mkfifo; false when there is no mkfifo. */
  private static boolean mkfifo(Path fifo) throws IOException, InterruptedException {
    Files.createDirectories(fifo.getParent());
    Process process;
    try {
      process = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      return false; // no mkfifo on this machine
    }
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("mkfifo " + fifo).isZero();
    return true;
  }
}
