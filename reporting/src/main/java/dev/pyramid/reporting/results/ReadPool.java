package dev.pyramid.reporting.results;

import dev.pyramid.reporting.internal.files.FilesSum;
import dev.pyramid.reporting.internal.files.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The reader threads of one collection: each takes the next batch of paths found from a queue until
 * the end mark, reads each file's bytes once, hashes them (SHA-256, added to its root's {@link
 * FilesSum}) and hands the same bytes to every source that reads the file.
 *
 * <p>A path is asked for its attributes (links not followed) before it is opened: the walk takes
 * every path a glob matches for a file without asking, so that this cost lands here, on the
 * readers, and only a regular file is opened ({@link NonRegularFile} says why another is not).
 *
 * <p>Paths are handed over in batches: one hand-over per path costs the walk a lock and a wake-up
 * each, which on 100,000 files made the walk, not the reading, the bottleneck. {@link #add} and
 * {@link #finish} are called by one thread, the walking one.
 */
final class ReadPool {

  private static final int BATCH = 256;
  private static final List<EvidenceReader<?>> SOURCES = EvidenceReaders.ALL;

  private final BlockingQueue<List<FoundPath>> queue = new LinkedBlockingQueue<>();
  private final List<FoundPath> end = List.of();
  private final List<Future<ReaderState>> running = new ArrayList<>();
  private final int threads;
  private final Path[] roots;
  private List<FoundPath> batch = new ArrayList<>(BATCH);

  /**
   * Starts {@code threads} readers on {@code pool} for paths found under {@code roots} (absolute,
   * normalized, by their place among the roots).
   */
  ReadPool(ExecutorService pool, int threads, Path[] roots) {
    this.threads = threads;
    this.roots = roots.clone();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                ReaderState state = new ReaderState(this.roots.length);
                for (List<FoundPath> next = take(); next != end; next = take()) {
                  for (FoundPath found : next) {
                    read(found, state, this.roots);
                  }
                }
                return state;
              }));
    }
  }

  /** Queues {@code found} to be read. */
  void add(FoundPath found) {
    batch.add(found);
    if (batch.size() == BATCH) {
      queue.add(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  private List<FoundPath> take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return end;
    }
  }

  /**
   * Waits until every path queued is read; returns, per root (by its place among the roots), the
   * {@link FilesSum} of the files hashed.
   */
  FilesSum[] finish() {
    if (!batch.isEmpty()) {
      queue.add(batch);
      batch = new ArrayList<>(BATCH);
    }
    for (int t = 0; t < threads; t++) {
      queue.add(end);
    }
    FilesSum[] sums = new FilesSum[roots.length];
    for (int root = 0; root < roots.length; root++) {
      sums[root] = new FilesSum();
    }
    for (Future<ReaderState> future : running) {
      ReaderState state = await(future);
      for (int root = 0; root < roots.length; root++) {
        sums[root].add(state.sums[root]);
      }
    }
    return sums;
  }

  /**
   * The value of a task of the collection's pool, or an unchecked exception saying why there is
   * none.
   */
  static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the evidence", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a reader failed unexpectedly: " + e.getCause(), e.getCause());
    }
  }

  /**
   * A reader thread's tools: its digest, a read buffer reused from file to file (100,000 result
   * files of a kilobyte or two would otherwise each be a new array), and the sums of what it
   * hashed, per root.
   */
  private static final class ReaderState {
    final MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    final FilesSum[] sums;

    ReaderState(int roots) {
      sums = new FilesSum[roots];
      for (int root = 0; root < roots; root++) {
        sums[root] = new FilesSum();
      }
    }
  }

  /**
   * Reads a file's bytes once (a run directory is read by its source), hashes and parses them; a
   * path that is no regular file is not opened, but refused.
   */
  private static void read(FoundPath into, ReaderState state, Path[] roots) {
    Path path = into.path;
    if (into.relative == null) {
      for (int source = 0; source < SOURCES.size(); source++) {
        if (into.isReadBy(source)) {
          into.outcomes[source] = outcome(source, into, null, 0);
        }
      }
      return;
    }
    long size;
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      size = attributes.size();
      if (!attributes.isRegularFile()) {
        into.refused = true;
        if (attributes.isDirectory()) {
          into.inside = filesIn(path);
        }
        fail(into, new Problem(path, NonRegularFile.refusal(path, attributes, roots[into.root])));
        return;
      }
    } catch (IOException e) {
      fail(into, new Problem(path, "cannot read: " + e.getMessage()));
      return;
    }
    // Read up to the size the attributes gave, not on to a read that finds the end: as many calls
    // to the system per file as before they were asked for. Empty (or a file system that gives no
    // size): read to the end. Not followed here either, should the file have become a link since.
    int expected = size > 0 && size < Integer.MAX_VALUE / 2 ? (int) size : -1;
    if (expected > state.buffer.length) {
      state.buffer = new byte[Math.max(expected, state.buffer.length * 2)];
    }
    int length = 0;
    try (SeekableByteChannel channel = Files.newByteChannel(path, LinkOption.NOFOLLOW_LINKS)) {
      while (length != expected) {
        if (length == state.buffer.length) {
          state.buffer = Arrays.copyOf(state.buffer, state.buffer.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(state.buffer, length, state.buffer.length - length));
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (IOException | RuntimeException e) {
      fail(into, new Problem(path, "cannot read: " + e.getMessage()));
      return;
    }
    MessageDigest digest = state.digest;
    digest.reset();
    digest.update(state.buffer, 0, length);
    into.sha256 = digest.digest();
    state.sums[into.root].add(into.relative, into.sha256);
    for (int source = 0; source < SOURCES.size(); source++) {
      if (into.isReadBy(source)) {
        into.outcomes[source] = outcome(source, into, state.buffer, length);
      }
    }
  }

  /**
   * The regular files below a directory a file glob matched, which the walk did not enter, for the
   * stamp check: the stamp's walk lists them. One that cannot be listed is left out, and the stamp
   * check names it as removed.
   */
  private static List<Path> filesIn(Path directory) {
    List<Path> files = new ArrayList<>();
    try {
      RegularFiles.walk(directory, EvidenceCollector.NOT_SEARCHED, files::add, (file, e) -> {});
    } catch (IOException e) {
      // Left out, as above.
    }
    return files;
  }

  /** {@code problem} is what every source that reads {@code into} gets from it. */
  private static void fail(FoundPath into, Problem problem) {
    for (int source = 0; source < SOURCES.size(); source++) {
      if (into.isReadBy(source)) {
        into.outcomes[source] = new FoundPath.Outcome(null, problem, 0);
      }
    }
  }

  /**
   * What the source at {@code source} reads from {@code found}, and the layers it counts in, or why
   * not.
   */
  private static FoundPath.Outcome outcome(int source, FoundPath found, byte[] bytes, int length) {
    return outcome(SOURCES.get(source), found, found.layers[source], bytes, length);
  }

  private static <T> FoundPath.Outcome outcome(
      EvidenceReader<T> reader, FoundPath found, int matching, byte[] bytes, int length) {
    try {
      T value = reader.read(found.path, bytes, length);
      return new FoundPath.Outcome(value, null, reader.layers(found.path, value, matching));
    } catch (UnreadableEvidenceException e) {
      return new FoundPath.Outcome(null, e.toProblem(), 0);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
