package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Allure {@code *-result.json} files as a source of evidence: each read by {@link
 * AllureResultReader} and placed in one layer, retries of one test merged ({@link
 * AllureResultReader#merge}).
 *
 * <p>A result belongs to the layer its {@code layer} label names, if that layer's globs match the
 * file; a result without a label, or with a label that names no Pyramid layer (a team's own "api"),
 * to the one layer whose globs match it. When the label names a layer whose globs do not match the
 * file, or several layers match and no label chooses, the result is a problem of each matching
 * layer: never dropped, never counted where it does not belong. Two files holding one {@code uuid}
 * (a copy of a result, such as Pyramid's own aggregate in {@code reporting/target/allure-results})
 * are one execution read twice, and the later one is refused ({@link DuplicateResults}).
 * Thread-safe.
 */
final class AllureEvidenceReader implements EvidenceReader<AllureResultReader.Result> {

  private static final Layer[] LAYERS = Layer.values();

  private final AllureResultReader reader = new AllureResultReader();

  @Override
  public String key() {
    return "allure";
  }

  /**
   * Parsed straight from the collector's buffer: the common case of a large result set, with no
   * copy.
   */
  @Override
  public AllureResultReader.Result read(Path file, byte[] bytes, int length)
      throws UnreadableEvidenceException {
    return reader.read(file, bytes, length);
  }

  @Override
  public int layers(Path file, AllureResultReader.Result result, int matching)
      throws UnreadableEvidenceException {
    String label = result.layerLabel();
    if (!label.isEmpty()) {
      for (Layer layer : LAYERS) {
        if (layer.id().equalsIgnoreCase(label)) {
          if ((matching & (1 << layer.ordinal())) == 0) {
            throw unplaced(file, label, matching);
          }
          return 1 << layer.ordinal();
        }
      }
    }
    if (Integer.bitCount(matching) != 1) {
      throw unplaced(file, label, matching);
    }
    return matching;
  }

  /** Why a result belongs to none of the layers whose globs match it, and the fix. */
  private static UnreadableEvidenceException unplaced(Path file, String label, int layers) {
    List<Layer> matching = new ArrayList<>();
    for (Layer layer : LAYERS) {
      if ((layers & (1 << layer.ordinal())) != 0) {
        matching.add(layer);
      }
    }
    Optional<Layer> named = label.isEmpty() ? Optional.empty() : Layer.byId(label);
    if (named.isPresent()) {
      return new UnreadableEvidenceException(
          file,
          "labelled for layer "
              + named.get()
              + ", but only the Allure "
              + "globs of "
              + matching
              + " match it: add it to the allure sources of "
              + named.get()
              + " in the policy, or correct the label");
    }
    String why =
        label.isEmpty()
            ? "it has no \"layer\" label"
            : "its \"layer\" label \"" + label + "\" names no layer";
    return new UnreadableEvidenceException(
        file,
        "the Allure globs of several layers ("
            + matching
            + ") match it "
            + "and "
            + why
            + ": label the test with its layer, or narrow the layers' allure globs in the policy's "
            + "sources");
  }

  /**
   * The result's {@code uuid}, which names one execution: retries share a {@code historyId} and the
   * invocations of a parameterized test a {@code fullName}, each in a file of its own, but never a
   * uuid. A result without one (no Allure adapter writes that) is not checked.
   */
  @Override
  public List<String> resultIds(AllureResultReader.Result result) {
    return result.uuid() == null ? List.of() : List.of(result.uuid());
  }

  @Override
  public DuplicateResults.IdScope idScope() {
    return DuplicateResults.IdScope.EXECUTION;
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<AllureResultReader.Result> results) {
    layer.addTestCases(AllureResultReader.merge(results));
  }
}
