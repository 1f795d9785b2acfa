package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests that errored because no browser could start (Pyramid's {@code @WithBrowser} says so with a
 * message beginning {@value #PREFIX}) never ran their checks: they are missing evidence, not
 * failures of the code. Each report holding them becomes a missing-evidence problem of its layer,
 * so the layer is not judged (the gate's INCOMPLETE, never a promotion) and the reason is named.
 */
final class BrowserNotStarted {
  /** The framework's {@code BrowserUnavailableException.PREFIX}. */
  static final String PREFIX = "No browser could start: ";

  private BrowserNotStarted() {}

  /** One problem per report file with such tests; none when every browser started. */
  static List<Problem> problems(LayerEvidence evidence) {
    Map<Path, List<TestCase>> byReport = new LinkedHashMap<>();
    for (TestCase test : evidence.testCases()) {
      if (test.status() == TestCase.Status.ERRORED && test.message().startsWith(PREFIX)) {
        byReport.computeIfAbsent(test.source(), report -> new ArrayList<>()).add(test);
      }
    }
    List<Problem> problems = new ArrayList<>();
    byReport.forEach(
        (report, tests) ->
            problems.add(
                Problem.missing(
                    report,
                    tests.size()
                        + " test(s) never ran, their browser could not start (first: "
                        + tests.get(0).id()
                        + "): "
                        + tests.get(0).message().substring(PREFIX.length()))));
    return problems;
  }
}
