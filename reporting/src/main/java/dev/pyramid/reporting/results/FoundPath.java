package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One path the walk found for the readers: a file, read once however many layers and sources list
 * it, or a run directory. Created by the walk (one thread), filled by one reader thread, read by
 * the collecting thread after the read pool has finished (the pool's completion orders these).
 */
final class FoundPath {

  final Path path;
  final Directory directory;
  final String name;

  /** The sources that read it: a mask of bits by place in {@link EvidenceReaders#ALL}. */
  int sources;

  /**
   * Per source (by place in the table), the layers whose globs for it matched: a mask by {@link
   * Layer#ordinal()}.
   */
  final int[] layers = new int[EvidenceReaders.ALL.size()];

  /**
   * Its path relative to its root, and that root's place among the roots; null for a run directory.
   */
  String relative;

  int root;

  /** The SHA-256 of the bytes read; null until read, or when it could not be. */
  byte[] sha256;

  /**
   * True when it is no regular file ({@link NonRegularFile}), so not opened: neither listed for the
   * stamp check nor hashed there.
   */
  boolean refused;

  /**
   * When refused as a directory (which the walk does not enter, having taken it for a file): the
   * regular files below it, which the stamp's walk lists; else empty.
   */
  List<Path> inside = List.of();

  /** Per source (by place in the table), what it read, or why it could not. */
  final Outcome[] outcomes = new Outcome[EvidenceReaders.ALL.size()];

  /** The name's first eight chars, sixteen bits each, for {@link #IN_PATH_ORDER}. */
  private final long head;

  private final long next;

  FoundPath(Path path, Directory directory, String name) {
    this.path = path;
    this.directory = directory;
    this.name = name;
    this.head = chars(name, 0);
    this.next = chars(name, 4);
  }

  /** Marks this path as read by the source at {@code source} for {@code layer}. */
  void readBy(int source, Layer layer) {
    sources |= 1 << source;
    layers[source] |= 1 << layer.ordinal();
  }

  boolean isReadBy(int source) {
    return (sources & (1 << source)) != 0;
  }

  /**
   * Chars {@code from} to {@code from + 3} of {@code name}, 0 past its end, as one unsigned number.
   */
  private static long chars(String name, int from) {
    long chars = 0;
    for (int i = from; i < from + 4; i++) {
      chars = (chars << 16) | (i < name.length() ? name.charAt(i) : 0);
    }
    return chars;
  }

  /**
   * What one source read from a path.
   *
   * @param value what was read; null when it could not be
   * @param problem why it could not be read, or belongs to none of the layers that matched it; else
   *     null
   * @param layers the layers the value counts in (a mask by {@link Layer#ordinal()})
   */
  record Outcome(Object value, Problem problem, int layers) {}

  /** A directory the walk entered; paths are put in order by their directory's rank, then name. */
  static final class Directory {
    final Path path;
    int rank;

    Directory(Path path) {
      this.path = path;
    }
  }

  /**
   * Puts {@code found} in path order (by directory, {@link Path#compareTo}, then file name:
   * deterministic, and cheap where 100,000 files share one long directory, which a whole-path
   * comparison would scan every time) Touches no field a reader writes, so it runs while they read.
   */
  static FoundPath[] inPathOrder(List<Directory> entered, List<FoundPath> found) {
    Directory[] directories = entered.toArray(new Directory[0]);
    Arrays.sort(directories, Comparator.comparing((Directory d) -> d.path));
    for (int i = 0; i < directories.length; i++) {
      directories[i].rank =
          i > 0 && directories[i].path.equals(directories[i - 1].path)
              ? directories[i - 1].rank
              : i;
    }
    FoundPath[] paths = found.toArray(new FoundPath[0]);
    Arrays.sort(paths, IN_PATH_ORDER);
    return paths;
  }

  /**
   * By directory rank, then file name ({@link String#compareTo}): the names' first eight chars are
   * compared as two numbers, which decides nearly every pair (100,000 result names differ within
   * eight chars), and only names equal that far are compared whole. Padding with 0 keeps a name
   * before every longer one it begins. One call per comparison, where a composed comparator makes
   * three.
   */
  static final Comparator<FoundPath> IN_PATH_ORDER =
      (a, b) -> {
        if (a.directory.rank != b.directory.rank) {
          return Integer.compare(a.directory.rank, b.directory.rank);
        }
        if (a.head != b.head) {
          return Long.compareUnsigned(a.head, b.head);
        }
        if (a.next != b.next) {
          return Long.compareUnsigned(a.next, b.next);
        }
        return a.name.compareTo(b.name);
      };
}
