package dev.pyramid.reporting.results;

import dev.pyramid.reporting.results.RollingUpdateReader.Description;
import dev.pyramid.reporting.results.RollingUpdateReader.Results;
import dev.pyramid.reporting.results.RollingUpdateReader.RunFile;
import dev.pyramid.reporting.results.RollingUpdateReader.Traced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rolling update runs one layer's {@code rolling-update} files make up, one a folder, and the
 * problems that keep a folder from being judged. Fails closed: a folder of results without its
 * {@code rolling-update.json} (which builds ran is unknown), a description without results beside
 * it, a crashed or timed-out fork ({@link SurefireTraceReader}'s rules, held to the folder's own
 * results) and a report the layer also counts as its own tests are each a problem naming the file
 * and the fix, and the folder gives no run. A folder holding a file that could not be read gives no
 * run either, and no second problem. Not thread-safe: one per layer.
 */
final class RollingUpdateRuns {

  private final List<RollingUpdateRun> runs = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  /** One folder's files, in path order. */
  private static final class Folder {
    final List<Description> descriptions = new ArrayList<>();
    final List<Results> reports = new ArrayList<>();
    final List<Traced> traces = new ArrayList<>();
    final List<Path> files = new ArrayList<>();
  }

  private RollingUpdateRuns() {}

  /**
   * The runs of {@code files} (the source's files of one layer that could be read, in path order),
   * given the test cases the layer counts as its own ({@code layerTests}) and the problems found so
   * far ({@code earlier}, the files of this source that could not be read among them).
   */
  static RollingUpdateRuns of(
      List<RunFile> files, List<TestCase> layerTests, List<Problem> earlier) {
    Map<Path, Folder> folders = new LinkedHashMap<>();
    for (RunFile file : files) {
      Folder folder = folders.computeIfAbsent(file.file().getParent(), path -> new Folder());
      folder.files.add(file.file());
      if (file instanceof Description description) {
        folder.descriptions.add(description);
      } else if (file instanceof Results results) {
        folder.reports.add(results);
      } else if (file instanceof Traced traced) {
        folder.traces.add(traced);
      }
    }
    Set<Path> unreadable = new HashSet<>();
    for (Problem problem : earlier) {
      if (problem.file() != null && folders.containsKey(problem.file().getParent())) {
        unreadable.add(problem.file().getParent());
      }
    }
    // Read by a glob of the layer's own results too (one walk over the layer's tests, made only
    // when there are runs at all).
    Set<Path> counted = new HashSet<>();
    for (TestCase test : layerTests) {
      if (test.source() != null && folders.containsKey(test.source().getParent())) {
        counted.add(test.source());
      }
    }
    RollingUpdateRuns runs = new RollingUpdateRuns();
    folders.forEach((path, folder) -> runs.add(path, folder, unreadable.contains(path), counted));
    return runs;
  }

  private void add(Path path, Folder folder, boolean unreadable, Set<Path> counted) {
    int before = problems.size();
    List<TestCase> tests = new ArrayList<>();
    for (Results results : folder.reports) {
      tests.addAll(results.report().testCases());
      if (counted.contains(results.file())) {
        problems.add(countedTwice(results.file()));
      }
    }
    if (folder.descriptions.size() > 1) {
      problems.add(
          new Problem(
              folder.descriptions.get(1).file(),
              "a second description of the rolling update run in "
                  + path
                  + " (the first is "
                  + folder.descriptions.get(0).file().getFileName()
                  + "): one folder holds one run; give each run's Failsafe execution a"
                  + " reportsDirectory of its own, or narrow sources.e2e.rolling-update"));
    }
    if (folder.descriptions.isEmpty() && !unreadable) {
      problems.add(
          new Problem(
              folder.files.get(0),
              "results of a rolling update run without its rolling-update.json beside them"
                  + " (in "
                  + path
                  + "): which build each service ran from is unknown, so they cannot be judged."
                  + " The e2e fixtures write it into the run's folder when"
                  + " pyramid.rolling-update.from-stage is set (the folder is"
                  + " pyramid.rolling-update.evidence-dir, the run's reportsDirectory); rerun from"
                  + " a clean target/, or narrow sources.e2e.rolling-update to the runs' folders"));
    }
    if (!folder.descriptions.isEmpty() && folder.reports.isEmpty() && !unreadable) {
      problems.add(
          new Problem(
              folder.descriptions.get(0).file(),
              "a rolling update run without results: no JUnit XML (TEST-*.xml) beside it, so the"
                  + " journeys did not run or wrote elsewhere (the run's Failsafe execution must"
                  + " have this folder as its reportsDirectory). Rerun from a clean target/."));
    }
    for (Traced traced : folder.traces) {
      if (traced.trace() instanceof ForkDump dump) {
        dump.crash().ifPresent(line -> problems.add(SurefireTraceReader.crashed(dump, line)));
      } else if (traced.trace() instanceof FailsafeSummary summary) {
        SurefireTraceReader.check(summary, tests).ifPresent(problems::add);
      }
    }
    if (unreadable || problems.size() > before || folder.descriptions.isEmpty()) {
      return;
    }
    Description description = folder.descriptions.get(0);
    runs.add(
        new RollingUpdateRun(
            description.stage(),
            description.stageBuild(),
            description.note(),
            description.services(),
            tests,
            description.file(),
            folder.reports.stream().map(Results::file).toList()));
  }

  private static Problem countedTwice(Path report) {
    return new Problem(
        report,
        "read both as the layer's own test results (its junit globs) and as a rolling update"
            + " run's (sources.e2e.rolling-update): a run of mixed builds is no test of the layer"
            + " and must not count in its totals. Narrow the layer's junit globs so that they leave"
            + " out the e2e-rolling/ folders, e.g. \"**/target/failsafe-reports/e2e/TEST-*.xml\"");
  }

  /** The runs, in path order. */
  List<RollingUpdateRun> runs() {
    return runs;
  }

  /** What keeps folders from being judged, in path order. */
  List<Problem> problems() {
    return problems;
  }
}
