package dev.pyramid.reporting.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What relative conditions compare a build with: the build a stage runs (the last promoted to it,
 * less rollbacks), its performance figures, the tests it executed and the files it kept.
 *
 * @param metrics request name ("All Requests" for the whole run) to metric ({@code p95, p99, max,
 *     error-pct, throughput}) to value
 * @param tests the tests it executed, read when a condition asks
 * @param kept the files {@code pyramid promote} kept of it (the policy's {@code deployed:}), in its
 *     manifest's order; none when it kept none
 */
public record Baseline(
    String stage,
    String commit,
    String buildId,
    Map<String, Map<String, Double>> metrics,
    BaselineTests tests,
    List<KeptFile> kept) {

  public Baseline {
    metrics = Map.copyOf(metrics);
    kept = List.copyOf(kept);
  }

  /** A baseline that kept no file. */
  public Baseline(
      String stage,
      String commit,
      String buildId,
      Map<String, Map<String, Double>> metrics,
      BaselineTests tests) {
    this(stage, commit, buildId, metrics, tests, List.of());
  }

  /**
   * One file the build kept, as its manifest lists it.
   *
   * @param kind {@code api}, {@code pacts} or {@code artifacts}
   * @param path where it was, relative to where {@code pyramid promote} ran
   * @param sha256 the SHA-256 of its content when it was kept (lower-case hex)
   * @param file where it is kept now
   */
  public record KeptFile(String kind, String path, String sha256, Path file) {

    /**
     * The kept pact, read.
     *
     * @throws IOException naming the file, when it is gone or not a pact
     */
    public PactFile readPact() throws IOException {
      try {
        return new PactFileReader().read(file);
      } catch (UnreadableEvidenceException e) {
        throw new IOException(file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The files of {@code kind} it kept. */
  public List<KeptFile> kept(String kind) {
    return kept.stream().filter(file -> file.kind().equals(kind)).toList();
  }

  /** The OpenAPI documents of its services it kept. */
  public List<Path> api() {
    return kept("api").stream().map(KeptFile::file).toList();
  }

  /** The build as folders name it: {@code <commit>/<build id>}. */
  public String build() {
    return commit + "/" + buildId;
  }
}
