package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of evidence source (JUnit XML, Allure results, pact files...): the policy key its globs
 * are given under, where a Pyramid build writes it, how one file (or run directory) is read, and
 * how what was read goes into a layer's evidence. Registered in {@link EvidenceReaders#ALL}; a
 * reader reads and never decides.
 *
 * <p>The collector calls {@link #read} from several threads at once, and {@link #addTo} once per
 * layer, layers side by side: implementations hold no state between calls.
 *
 * @param <T> what one file or run directory is read into
 */
interface EvidenceReader<T> {

  /** The key of this source in a layer's {@code sources} in the policy, e.g. {@code junit}. */
  String key();

  /**
   * Where a Pyramid build writes this source for {@code layer}: globs relative to a result root.
   */
  default List<String> defaultGlobs(Layer layer) {
    return List.of();
  }

  /**
   * True when the globs of this source match directories (a Gatling run), which are read whole and
   * not searched for other evidence; false when they match files.
   */
  default boolean readsDirectories() {
    return false;
  }

  /**
   * Of the directories the globs matched under one root, those to read; all of them unless a source
   * says otherwise (Gatling reads the newest run of each simulation). Only for {@link
   * #readsDirectories} sources.
   */
  default List<Path> toRead(List<Path> matched) {
    return matched;
  }

  /**
   * Reads one file, or throws naming it and the reason.
   *
   * @param path the file, or the run directory of a {@link #readsDirectories} source
   * @param bytes the file's content in {@code [0, length)}, read once by the collector, which
   *     hashes the same bytes; the array is reused for the next file once this returns, so a reader
   *     that keeps it copies it. Null for a run directory, which the reader reads itself
   */
  T read(Path path, byte[] bytes, int length) throws UnreadableEvidenceException;

  /**
   * The layers {@code value} counts in, of those whose globs for this source matched its file (both
   * masks of bits by {@link Layer#ordinal()}); by default every one of them. Throws when it belongs
   * to none of them, and is then a problem of each.
   */
  default int layers(Path path, T value, int matching) throws UnreadableEvidenceException {
    return matching;
  }

  /**
   * The ids by which {@link DuplicateResults} recognises the same result in a second file of a
   * layer: none by default (pacts, coverage and Gatling runs hold no test results).
   */
  default List<String> resultIds(T value) {
    return List.of();
  }

  /**
   * Where {@link #resultIds} are unique, which decides when two files sharing one hold one result.
   */
  default DuplicateResults.IdScope idScope() {
    return DuplicateResults.IdScope.REPORT_FOLDER;
  }

  /**
   * Adds what was read for one layer (its files in path order, the unreadable ones left out) to
   * {@code layer}.
   */
  void addTo(LayerEvidence.Builder layer, List<T> values);
}
