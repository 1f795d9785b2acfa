package dev.pyramid.reporting.results;

import dev.pyramid.reporting.internal.files.FilesSum;
import dev.pyramid.reporting.internal.files.RegularFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Finds the result files of every layer under one or more result roots, by the {@link Sources}
 * globs, and reads them into {@link Evidence}, beside what the stamp check needs ({@link
 * FilesFound}).
 *
 * <p>{@code node_modules}, {@code .git}, {@code src} and {@code .pyramid} (stamps, history) are not
 * searched ({@link #NOT_SEARCHED}). A file that cannot be read becomes a {@link Problem} of its
 * layer, and so does a file that holds a test result of an earlier file again, in the same root or
 * another ({@link DuplicateResults}: TestNG's copies beside Surefire's report, a file copied into a
 * second folder or root, roots that overlap): nothing is skipped or counted twice silently. A
 * directory that cannot be searched is a problem of every layer.
 *
 * <p>Each root is walked once ({@link EvidenceWalk}). Each file is read once, however many layers'
 * globs match it, by a pool of one thread per available processor ({@link ReadPool}), which starts
 * while the walk is still finding files: the walk waits on the file system, the readers mostly on
 * the CPU. Its bytes are hashed (SHA-256, for the stamp check, which gets each root's {@link
 * FilesSum} added up as the files are read) and parsed from the same array. The paths are put in
 * path order, so the evidence does not depend on the threads' timing ({@link EvidenceAssembly}).
 * Thread-safe: holds no state between calls.
 */
public final class EvidenceCollector {

  /** Directories never searched, here and by {@code pyramid stamp}. */
  public static final Set<String> NOT_SEARCHED = RegularFiles.NOT_BUILD_OUTPUT;

  /** Reads the evidence found under {@code roots} where a Pyramid build writes it. */
  public CollectedEvidence collect(List<Path> roots) {
    return collect(roots, Sources.defaults());
  }

  /** Reads the evidence of every layer found under {@code roots} by {@code sources}. */
  public CollectedEvidence collect(List<Path> roots, Sources sources) {
    // The same root given twice is searched once: its files would otherwise count twice.
    Map<Path, RootListing> listings = new LinkedHashMap<>();
    for (Path root : roots) {
      listings.computeIfAbsent(
          root.toAbsolutePath().normalize(),
          absolute -> new RootListing(absolute, listings.size()));
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "pyramid-evidence-reader");
              thread.setDaemon(true);
              return thread;
            });
    Map<Layer, LayerEvidence> layers;
    FilesFound files;
    List<Problem> unreadable;
    try {
      Path[] absolute = listings.keySet().toArray(new Path[0]);
      ReadPool readers = new ReadPool(pool, threads, absolute);
      EvidenceWalk walk = new EvidenceWalk(sources, readers::add);
      for (RootListing listing : listings.values()) {
        walk.walk(listing);
      }
      Set<Path> runs = walk.handOverRuns();
      FoundPath[] read = FoundPath.inPathOrder(walk.directories(), walk.found());
      FilesSum[] sums = readers.finish();
      layers = EvidenceAssembly.assemble(read, sources, absolute, pool);
      files = FilesFound.of(listings.values().toArray(new RootListing[0]), read, sums, runs);
      unreadable = walk.unreadable();
    } finally {
      pool.shutdownNow();
    }
    if (!unreadable.isEmpty()) {
      layers.replaceAll((layer, evidence) -> evidence.withProblems(unreadable));
    }
    layers.replaceAll(
        (layer, evidence) -> {
          List<Problem> noBrowser = BrowserNotStarted.problems(evidence);
          return noBrowser.isEmpty() ? evidence : evidence.withProblems(noBrowser);
        });
    return new CollectedEvidence(new Evidence(roots, layers), files);
  }
}
