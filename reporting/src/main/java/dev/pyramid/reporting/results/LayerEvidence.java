package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the result files of one build say about one layer.
 *
 * <p>For {@link Layer#PERF}, the counts are those of Gatling assertions (one "test" per assertion).
 * Lists are never null and unmodifiable.
 *
 * @param sources every file (or Gatling run directory) read, including unreadable ones
 * @param problems the sources that could not be read, and why
 */
public record LayerEvidence(
    Layer layer,
    List<Path> sources,
    Counts counts,
    List<TestCase> testCases,
    List<Problem> problems,
    List<PactVerification> pacts,
    List<PerfAssertion> assertions,
    List<RequestStats> requests) {

  public LayerEvidence {
    sources = List.copyOf(sources);
    testCases = List.copyOf(testCases);
    problems = List.copyOf(problems);
    pacts = List.copyOf(pacts);
    assertions = List.copyOf(assertions);
    requests = List.copyOf(requests);
  }

  /** Evidence of a layer for which no result file was found. */
  public static LayerEvidence none(Layer layer) {
    return new LayerEvidence(
        layer, List.of(), Counts.NONE, List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
