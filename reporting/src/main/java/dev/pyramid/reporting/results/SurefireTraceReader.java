package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads what Maven Surefire and Failsafe (3.5.4) leave beside their JUnit XML when a run did not
 * finish: Failsafe's {@code failsafe-summary.xml} ({@link FailsafeSummary}) and the dump files of
 * forked JVMs ({@link ForkDump}). The XML of a crashed run looks like a green run with fewer tests
 * (real/surefire-crashed-fork); these files are where the crash shows.
 *
 * <p>Each becomes a problem of its layer (the evidence is incomplete), naming the file, what it
 * means and what to do, when:
 *
 * <ul>
 *   <li>a summary holds a failure message (the run itself failed: "The forked VM terminated without
 *       properly saying goodbye", "There was an error in the forked process"...), said by its first
 *       line and the crashed classes it lists;
 *   <li>a summary says {@code timeout="true"} (a fork killed by {@code
 *       forkedProcessTimeoutInSeconds});
 *   <li>a summary's {@code completed}, {@code errors}, {@code failures}, {@code skipped} or {@code
 *       flakes} exceed what the test cases the layer read from the JUnit XML in the summary's
 *       folder count: results lost. Several Failsafe executions may write one summary (Failsafe
 *       adds them up); it agrees as long as their reports land in its folder and no execution
 *       overwrites another's {@code TEST-*.xml}. The folder may hold more than its summary counts:
 *       an execution with a summaryFile of its own may share the reportsDirectory (Pyramid's e2e
 *       secret scan does);
 *   <li>a dump file holds an entry that tells of a crash ({@link ForkDump}).
 * </ul>
 *
 * <p>{@code result="null"} is Failsafe's success; {@code 255} only says that some test failed,
 * which the XML shows; neither is a problem by itself. A run without a single test writes no
 * summary. Dump files that tell of no crash (a line written to the fork's native stdout, a
 * debugger, a fork that hung after its last result) are no problem; like every file read, they are
 * listed among the layer's sources. Thread-safe: holds no state.
 */
final class SurefireTraceReader implements EvidenceReader<SurefireTraceReader.Trace> {

  /** One trace file, read. */
  sealed interface Trace permits FailsafeSummary, ForkDump {
    Path file();
  }

  @Override
  public String key() {
    return "surefire-traces";
  }

  /** Beside the JUnit XML the layer reads ({@link JUnitXmlReader#defaultGlobs}). */
  @Override
  public List<String> defaultGlobs(Layer layer) {
    return switch (layer) {
      case UNIT -> dumps("**/target/surefire-reports/unit/");
      case CONTRACT -> {
        List<String> globs = new ArrayList<>(dumps("**/target/surefire-reports/contract/"));
        globs.addAll(failsafe("**/target/failsafe-reports/contract/"));
        yield List.copyOf(globs);
      }
      case E2E -> failsafe("**/target/failsafe-reports/e2e/");
      case UI -> failsafe("**/target/failsafe-reports/ui/");
      case PERF -> List.of();
    };
  }

  private static List<String> dumps(String folder) {
    return List.of(folder + "*.dump", folder + "*.dumpstream");
  }

  private static List<String> failsafe(String folder) {
    return List.of(folder + "failsafe-summary.xml", folder + "*.dump", folder + "*.dumpstream");
  }

  /** A dump file by its name ({@code .dump}, {@code .dumpstream}); any other file as a summary. */
  @Override
  public Trace read(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    if (ForkDump.isDumpName(file.getFileName().toString())) {
      return ForkDump.read(file, bytes, length);
    }
    return FailsafeSummary.read(file, Arrays.copyOf(bytes, length));
  }

  /** Adds a problem for each trace that tells of a crash or disagrees with the layer's XML. */
  @Override
  public void addTo(LayerEvidence.Builder layer, List<Trace> traces) {
    List<Problem> problems = new ArrayList<>();
    for (Trace trace : traces) {
      if (trace instanceof ForkDump dump) {
        dump.crash().ifPresent(line -> problems.add(crashed(dump, line)));
      } else if (trace instanceof FailsafeSummary summary) {
        check(summary, layer.testCases()).ifPresent(problems::add);
      }
    }
    layer.addProblems(problems);
  }

  /** The problem of a fork's dump that tells of a crash ({@code line}). */
  static Problem crashed(ForkDump dump, String line) {
    return new Problem(
        dump.file(),
        "Surefire/Failsafe recorded that a forked test JVM failed: \""
            + line
            + "\". Tests that were running or had not started in that JVM have no result, though"
            + " the TEST-*.xml files may look green. Rerun from a clean target/; if it happens"
            + " again, read this file and the build log (a crash, an OutOfMemoryError,"
            + " System.exit in a test, a kill).");
  }

  /**
   * The problem of {@code summary} against {@code testCases} (those of its folder count), if it has
   * one.
   */
  static Optional<Problem> check(FailsafeSummary summary, List<TestCase> testCases) {
    Path file = summary.file();
    if (summary.failureMessage().isPresent()) {
      List<String> crashed = summary.crashedTests();
      return Optional.of(
          new Problem(
              file,
              "Failsafe's summary says the run failed: \""
                  + summary.failureFirstLine().orElse("")
                  + "\""
                  + (crashed.isEmpty() ? "" : "; crashed tests: " + String.join(", ", crashed))
                  + ". Tests of the JVM that failed have no result, though the TEST-*.xml files"
                  + " beside it may look green. Rerun from a clean target/; if it happens again,"
                  + " see the .dump/.dumpstream files beside it and the build log."));
    }
    if (summary.timeout()) {
      return Optional.of(
          new Problem(
              file,
              "Failsafe's summary says a forked JVM timed out (forkedProcessTimeoutInSeconds) and"
                  + " was killed: the tests it was running or had not started may have no result."
                  + " Find the test that hangs (the .dump beside it holds a thread dump), or raise"
                  + " the timeout, and rerun."));
    }
    Path folder = file.getParent();
    Counts read =
        Counts.of(
            testCases.stream()
                .filter(c -> c.source() != null && folder.equals(c.source().getParent()))
                .toList());
    // More in the folder than the summary counts is ordinary: another execution with its own
    // summaryFile writes its XML into the same reportsDirectory. Fewer is lost evidence.
    if (read.tests() >= summary.completed()
        && read.errored() >= summary.errors()
        && read.failed() >= summary.failures()
        && read.skipped() >= summary.skipped()
        && read.flaky() >= summary.flakes()) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            file,
            "Failsafe's summary counts "
                + summary.completed()
                + " tests ("
                + summary.failures()
                + " failed, "
                + summary.errors()
                + " errored, "
                + summary.skipped()
                + " skipped, "
                + summary.flakes()
                + " flaky), but the TEST-*.xml files read in its folder hold fewer: "
                + read.tests()
                + " ("
                + read.failed()
                + " failed, "
                + read.errored()
                + " errored, "
                + read.skipped()
                + " skipped, "
                + read.flaky()
                + " flaky): results are missing or not of this run (a report deleted or"
                + " unreadable, stale files, or several executions writing the same TEST-*.xml:"
                + " give each execution its own reportsDirectory and summaryFile). Rerun from a"
                + " clean target/."));
  }
}
