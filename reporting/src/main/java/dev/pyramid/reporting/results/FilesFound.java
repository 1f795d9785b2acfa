package dev.pyramid.reporting.results;

import dev.pyramid.reporting.internal.files.FilesSum;
import dev.pyramid.reporting.internal.files.RootFiles;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the collector found and hashed under each result root besides the evidence: what the stamp
 * check compares with each root's stamp, so that no file is listed or hashed twice.
 *
 * @param roots what the walk found under each root (by absolute normalized root)
 * @param digests the lowercase hex SHA-256 of every evidence file read, by absolute normalized
 *     path, hashed from the same bytes its reader parsed (the collector's map is built on first
 *     use: the check needs it only to name the files that differ)
 * @param runDirectories the run directories read as evidence (absolute, normalized); every other
 *     source is a file
 */
public record FilesFound(
    Map<Path, RootFiles> roots, Map<Path, String> digests, Set<Path> runDirectories) {

  /** Nothing found: a stamp check walks and hashes each root itself. */
  public static final FilesFound NONE = new FilesFound(Map.of(), Map.of(), Set.of());

  public FilesFound {
    // Not copied: 100,000 entries for a large result set; the collector hands over maps it no
    // longer touches.
    roots = Collections.unmodifiableMap(roots);
    digests = Collections.unmodifiableMap(digests);
    runDirectories = Set.copyOf(runDirectories);
  }

  /**
   * The files of {@code listings}, with the files read (in path order) that could not be read added
   * to their root's unhashed ones, and the {@link FilesSum} of the others from {@code sums} (per
   * root, by place). A path refused as no regular file is taken out of the listings (a stamp covers
   * regular files only, and hashing it here could block as reading it would have); the files below
   * a refused directory go in, unhashed, as the stamp's walk lists them.
   */
  static FilesFound of(
      RootListing[] listings, FoundPath[] read, FilesSum[] sums, Set<Path> runDirectories) {
    Set<Path> refused = new HashSet<>();
    for (FoundPath path : read) {
      if (path.refused) {
        refused.add(path.path);
        listings[path.root].files.addAll(path.inside);
        listings[path.root].unhashed.addAll(path.inside);
      } else if (path.relative != null && path.sha256 == null) {
        listings[path.root].unhashed.add(path.path);
      }
    }
    if (!refused.isEmpty()) {
      for (RootListing listing : listings) {
        listing.files.removeIf(refused::contains);
      }
    }
    Map<Path, RootFiles> roots = new LinkedHashMap<>();
    for (RootListing listing : listings) {
      roots.put(listing.root, new RootFiles(listing.files, listing.unhashed, sums[listing.index]));
    }
    return new FilesFound(roots, new Digests(read), runDirectories);
  }

  /** The hashes of the files read, by path, as lowercase hex: built on first use. */
  private static final class Digests extends AbstractMap<Path, String> {
    private final FoundPath[] read;
    private Map<Path, String> map;

    Digests(FoundPath[] read) {
      this.read = read;
    }

    private synchronized Map<Path, String> map() {
      if (map == null) {
        map = new HashMap<>(read.length * 4 / 3 + 1);
        HexFormat hex = HexFormat.of();
        for (FoundPath path : read) {
          if (path.sha256 != null) {
            map.put(path.path, hex.formatHex(path.sha256));
          }
        }
      }
      return map;
    }

    @Override
    public String get(Object path) {
      return map().get(path);
    }

    @Override
    public boolean containsKey(Object path) {
      return map().containsKey(path);
    }

    @Override
    public int size() {
      return map().size();
    }

    @Override
    public Set<Entry<Path, String>> entrySet() {
      return map().entrySet();
    }
  }
}
