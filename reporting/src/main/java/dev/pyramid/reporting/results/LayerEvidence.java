package dev.pyramid.reporting.results;

import dev.pyramid.reporting.apidiff.ApiDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * @param apiDocuments the services' OpenAPI documents, which {@code api-compatible} compares with
 *     those of the build a stage runs
 * @param stageVerifications the pacts verified between this build and the build a stage runs, for
 *     {@code deployed-contracts-verified}
 * @param rollingUpdates the runs of this layer's tests with services of mixed builds, this one's
 *     and a stage's, for {@code rolling-update-verified}; their tests are not among {@code
 *     testCases} and count in none of the layer's totals
 * @param flagEvaluations the feature flag evaluations the layer's tests recorded, for the flag
 *     conditions
 * @param endpointExchanges the exchanges the layer's spec validation saw, by OpenAPI operation, for
 *     endpoint coverage
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
    List<Coverage> coverage,
    List<ApiDocument> apiDocuments,
    List<StageVerification> stageVerifications,
    List<RollingUpdateRun> rollingUpdates,
    List<FlagEvaluations> flagEvaluations,
    List<EndpointExchanges> endpointExchanges) {

  public LayerEvidence {
    flagEvaluations = List.copyOf(flagEvaluations);
    endpointExchanges = List.copyOf(endpointExchanges);
    sources = List.copyOf(sources);
    testCases = List.copyOf(testCases);
    problems = List.copyOf(problems);
    pacts = List.copyOf(pacts);
    pactFiles = List.copyOf(pactFiles);
    assertions = List.copyOf(assertions);
    requests = List.copyOf(requests);
    coverage = List.copyOf(coverage);
    apiDocuments = List.copyOf(apiDocuments);
    stageVerifications = List.copyOf(stageVerifications);
    rollingUpdates = List.copyOf(rollingUpdates);
  }

  /** Evidence of a layer for which no result file was found. */
  public static LayerEvidence none(Layer layer) {
    return new LayerEvidence(
        layer,
        List.of(),
        Counts.NONE,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** The same evidence with {@code more} problems. */
  public LayerEvidence withProblems(List<Problem> more) {
    List<Problem> all = new ArrayList<>(problems);
    all.addAll(more);
    return new LayerEvidence(
        layer,
        sources,
        counts,
        testCases,
        all,
        pacts,
        pactFiles,
        assertions,
        requests,
        coverage,
        apiDocuments,
        stageVerifications,
        rollingUpdates,
        flagEvaluations,
        endpointExchanges);
  }

  /**
   * A layer's evidence being put together: the collector adds each source's files and problems, and
   * each source ({@link EvidenceReader#addTo}) what it read. Not thread-safe: one per layer.
   */
  public static final class Builder {
    private final Layer layer;
    private final List<Path> sources = new ArrayList<>();
    private final List<TestCase> testCases = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<PactVerification> pacts = new ArrayList<>();
    private final List<PactFile> pactFiles = new ArrayList<>();
    private final List<PerfAssertion> assertions = new ArrayList<>();
    private final List<RequestStats> requests = new ArrayList<>();
    private final List<Coverage> coverage = new ArrayList<>();
    private final List<ApiDocument> apiDocuments = new ArrayList<>();
    private final List<StageVerification> stageVerifications = new ArrayList<>();
    private final List<RollingUpdateRun> rollingUpdates = new ArrayList<>();
    private final List<FlagEvaluations> flagEvaluations = new ArrayList<>();
    private final List<EndpointExchanges> endpointExchanges = new ArrayList<>();

    public Builder(Layer layer) {
      this.layer = layer;
    }

    public Builder addSources(Collection<Path> more) {
      sources.addAll(more);
      return this;
    }

    public Builder addProblems(Collection<Problem> more) {
      problems.addAll(more);
      return this;
    }

    /**
     * The problems added so far (by the sources before the caller, and the caller's own files that
     * could not be read), for a source that judges its files together; unmodifiable.
     */
    List<Problem> problems() {
      return Collections.unmodifiableList(problems);
    }

    public Builder addTestCases(Collection<TestCase> more) {
      testCases.addAll(more);
      return this;
    }

    /**
     * The test cases added so far (by the sources before the caller in {@link
     * EvidenceReaders#ALL}), for a source that checks its own files against them; unmodifiable.
     */
    List<TestCase> testCases() {
      return Collections.unmodifiableList(testCases);
    }

    public Builder addPacts(Collection<PactVerification> more) {
      pacts.addAll(more);
      return this;
    }

    public Builder addPactFiles(Collection<PactFile> more) {
      pactFiles.addAll(more);
      return this;
    }

    public Builder addAssertions(Collection<PerfAssertion> more) {
      assertions.addAll(more);
      return this;
    }

    public Builder addRequests(Collection<RequestStats> more) {
      requests.addAll(more);
      return this;
    }

    public Builder addCoverage(Collection<Coverage> more) {
      coverage.addAll(more);
      return this;
    }

    public Builder addApiDocuments(Collection<ApiDocument> more) {
      apiDocuments.addAll(more);
      return this;
    }

    public Builder addStageVerifications(Collection<StageVerification> more) {
      stageVerifications.addAll(more);
      return this;
    }

    public Builder addRollingUpdates(Collection<RollingUpdateRun> more) {
      rollingUpdates.addAll(more);
      return this;
    }

    public Builder addFlagEvaluations(Collection<FlagEvaluations> more) {
      flagEvaluations.addAll(more);
      return this;
    }

    public Builder addEndpointExchanges(Collection<EndpointExchanges> more) {
      endpointExchanges.addAll(more);
      return this;
    }

    /**
     * The evidence. Its counts are those of the test cases; a {@link Layer#PERF} layer without test
     * cases counts its Gatling assertions, one test each.
     */
    public LayerEvidence build() {
      Counts counts = Counts.of(testCases);
      if (layer == Layer.PERF && testCases.isEmpty()) {
        int passed = (int) assertions.stream().filter(PerfAssertion::passed).count();
        counts = new Counts(assertions.size(), passed, assertions.size() - passed, 0, 0);
      }
      return new LayerEvidence(
          layer,
          sources,
          counts,
          testCases,
          problems,
          pacts,
          pactFiles,
          assertions,
          requests,
          coverage,
          apiDocuments,
          stageVerifications,
          rollingUpdates,
          flagEvaluations,
          endpointExchanges);
    }
  }
}
