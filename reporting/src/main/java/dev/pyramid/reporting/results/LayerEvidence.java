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
 * @param problems the sources that could not be read or cannot be trusted, and why
 * @param pactFiles pacts whose interactions the contract layer must verify
 * @param coverage JaCoCo reports of this layer's tests
 */
public record LayerEvidence(
    Layer layer,
    List<Path> sources,
    Counts counts,
    List<TestCase> testCases,
    List<Problem> problems,
    List<PactVerification> pacts,
    List<PactFile> pactFiles,
    List<PerfAssertion> assertions,
    List<RequestStats> requests,
    List<Coverage> coverage) {

  public LayerEvidence {
    sources = List.copyOf(sources);
    testCases = List.copyOf(testCases);
    problems = List.copyOf(problems);
    pacts = List.copyOf(pacts);
    pactFiles = List.copyOf(pactFiles);
    assertions = List.copyOf(assertions);
    requests = List.copyOf(requests);
    coverage = List.copyOf(coverage);
  }

  /** Evidence of a layer for which no result file was found. */
  public static LayerEvidence none(Layer layer) {
    return new LayerEvidence(layer, List.of(), Counts.NONE, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  /** The same evidence with {@code more} problems. */
  public LayerEvidence withProblems(List<Problem> more) {
    List<Problem> all = new java.util.ArrayList<>(problems);
    all.addAll(more);
    return new LayerEvidence(layer, sources, counts, testCases, all, pacts, pactFiles, assertions, requests, coverage);
  }
}
