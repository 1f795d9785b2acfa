package dev.pyramid.reporting.results;

import dev.pyramid.reporting.internal.files.FileGlob;
import dev.pyramid.reporting.internal.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The walk of the result roots: sorts every path a source's glob matches into what the readers read
 * (a {@link FoundPath}, handed over at once), and lists every regular file of each root for the
 * stamp check ({@link RootListing}).
 *
 * <p>{@link EvidenceCollector#NOT_SEARCHED} directories are not entered, nor a build folder inside
 * another ({@link RegularFiles#isNestedBuildFolder}). A directory that a run directory glob matches
 * is read whole by its source and not searched for other evidence. Each distinct file glob is
 * tested once per file ({@link FileGlob} rejects nearly every file by its name first). A directory
 * or file that cannot be searched is an unreadable problem. Used by one thread.
 */
final class EvidenceWalk {

  private static final Set<String> NOT_SEARCHED = EvidenceCollector.NOT_SEARCHED;

  private static final List<EvidenceReader<?>> SOURCES = EvidenceReaders.ALL;

  /** Per distinct file glob: the glob, and where a match goes. */
  private final List<FileGlob> fileGlobs = new ArrayList<>();

  private final List<List<Target>> targets = new ArrayList<>();

  /** Every run directory glob, and where a match goes. */
  private final List<FileGlob> directoryGlobs = new ArrayList<>();

  private final List<Target> directoryTargets = new ArrayList<>();

  /**
   * Per run directory source and layer (a {@link Target}), the run directories matched, in walk
   * order.
   */
  private final Map<Integer, Map<Layer, List<Path>>> runs = new LinkedHashMap<>();

  private final List<FoundPath.Directory> directories = new ArrayList<>();
  private final List<FoundPath> found = new ArrayList<>();
  private final List<Problem> unreadable = new ArrayList<>();
  private final Consumer<FoundPath> readers;

  /** A source (by place in the table) and a layer that a glob's matches go to. */
  private record Target(int source, Layer layer) {}

  /** A walk by the globs of {@code sources} that hands each path found to {@code readers}. */
  EvidenceWalk(Sources sources, Consumer<FoundPath> readers) {
    this.readers = readers;
    Map<String, Integer> index = new HashMap<>();
    for (Layer layer : Layer.values()) {
      for (int source = 0; source < SOURCES.size(); source++) {
        EvidenceReader<?> reader = SOURCES.get(source);
        for (String glob : sources.of(layer).globs(reader.key())) {
          if (reader.readsDirectories()) {
            directoryGlobs.add(new FileGlob(glob));
            directoryTargets.add(new Target(source, layer));
            continue;
          }
          int i =
              index.computeIfAbsent(
                  glob,
                  g -> {
                    fileGlobs.add(new FileGlob(g));
                    targets.add(new ArrayList<>());
                    return fileGlobs.size() - 1;
                  });
          if (!holds(targets.get(i), source, layer)) {
            targets.get(i).add(new Target(source, layer));
          }
        }
      }
    }
  }

  /**
   * True when {@code targets} holds {@code source} and {@code layer}. Compared by hand: a record's
   * generated {@code equals} is bootstrapped (method handles) on its first call, which lies on the
   * path to the walk.
   */
  private static boolean holds(List<Target> targets, int source, Layer layer) {
    for (Target target : targets) {
      if (target.source == source && target.layer == layer) {
        return true;
      }
    }
    return false;
  }

  /**
   * Walks {@code root}: every file a glob matches becomes a {@link FoundPath} (handed to the
   * readers at once), every regular file goes to the root's files, and those no reader will hash to
   * its unhashed files too.
   *
   * <p>Only entries no glob matches are asked for their attributes here (are they directories to
   * enter?). A matching entry is listed as a file without a stat: on 100,000 results a stat each
   * was a third of the walk, and the walk feeds the readers. The reader that takes it asks for its
   * attributes before opening it, and refuses a FIFO, socket, device, directory or symbolic link
   * ({@link NonRegularFile}); such a path is then taken out of the root's files ({@link
   * FilesFound#of}). Symbolic links are never followed, to a directory either: as in the stamp's
   * walk, only regular files and real directories count.
   */
  void walk(RootListing root) {
    if (!Files.isDirectory(root.root)) {
      unreadable.add(new Problem(root.root, "no such result directory"));
      return;
    }
    FoundPath.Directory top = new FoundPath.Directory(root.root);
    directories.add(top);
    walkDirectory(root, root.root, "", top);
  }

  /**
   * Why {@code dir} cannot be listed: {@code File.list} says nothing of why, so the directory is
   * opened again.
   */
  private static String whyUnlistable(Path dir) {
    try {
      Files.newDirectoryStream(dir).close();
      return "the directory could not be listed";
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /**
   * One directory of {@link #walk}; {@code prefix} is its path relative to the root, with a
   * trailing '/'.
   */
  private void walkDirectory(
      RootListing root, Path dir, String prefix, FoundPath.Directory directory) {
    List<Path> subdirectories = new ArrayList<>();
    // The names as the directory lists them (one String each), then a Path per entry: cheaper than
    // a
    // DirectoryStream, whose entries would each need their file name turned back into a String.
    String[] names = dir.toFile().list();
    if (names == null) {
      unreadable.add(new Problem(dir, "cannot read: " + whyUnlistable(dir)));
      return;
    }
    for (String name : names) {
      Path entry = dir.resolve(name);
      String relative = prefix + name;
      FoundPath read = match(entry, relative, name, directory);
      if (read != null) {
        read.relative = relative;
        read.root = root.index;
        root.files.add(entry);
        found.add(read);
        readers.accept(read);
        continue;
      }
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        unreadable.add(
            new Problem(
                entry, "cannot read: " + e.getMessage())); // must not hide evidence silently
        continue;
      }
      if (attributes.isDirectory()) {
        subdirectories.add(entry);
      } else if (attributes.isRegularFile()) {
        root.files.add(entry);
        root.unhashed.add(entry);
      }
    }
    for (Path subdirectory : subdirectories) {
      String name = subdirectory.getFileName().toString();
      if (NOT_SEARCHED.contains(name) || RegularFiles.isNestedBuildFolder(prefix, name)) {
        continue;
      }
      String relative = prefix + name;
      if (isRun(subdirectory, relative)) {
        // A run directory is not searched for other evidence, but its files are listed for the
        // stamp check.
        list(subdirectory, root);
        continue;
      }
      FoundPath.Directory inner = new FoundPath.Directory(subdirectory);
      directories.add(inner);
      walkDirectory(root, subdirectory, relative + "/", inner);
    }
  }

  /**
   * Sorts {@code file} into every source and layer whose glob matches it; null when none does.
   * Allocates nothing for a file no glob matches.
   */
  private FoundPath match(Path file, String relative, String name, FoundPath.Directory directory) {
    FoundPath read = null;
    for (int i = 0; i < fileGlobs.size(); i++) {
      if (!fileGlobs.get(i).matches(relative)) {
        continue;
      }
      if (read == null) {
        read = new FoundPath(file, directory, name);
      }
      for (Target target : targets.get(i)) {
        read.readBy(target.source, target.layer);
      }
    }
    return read;
  }

  /**
   * True when a run directory glob matches {@code dir}, which is then remembered for each match.
   */
  private boolean isRun(Path dir, String relative) {
    boolean run = false;
    for (int i = 0; i < directoryGlobs.size(); i++) {
      if (directoryGlobs.get(i).matches(relative)) {
        Target target = directoryTargets.get(i);
        runs.computeIfAbsent(target.source, s -> new EnumMap<>(Layer.class))
            .computeIfAbsent(target.layer, l -> new ArrayList<>())
            .add(dir);
        run = true;
      }
    }
    return run;
  }

  private void list(Path dir, RootListing root) {
    try {
      RegularFiles.walk(
          dir,
          NOT_SEARCHED,
          file -> {
            root.files.add(file);
            root.unhashed.add(file);
          },
          (file, e) -> unreadable.add(new Problem(file, "cannot read: " + e.getMessage())));
    } catch (IOException e) {
      unreadable.add(new Problem(dir, "cannot search: " + e.getMessage()));
    }
  }

  /**
   * Once every root is walked: hands the readers the run directories to read (known only now, since
   * a source chooses among all of a layer's runs), each once however many layers read it; returns
   * them.
   */
  Set<Path> handOverRuns() {
    Map<Path, FoundPath> read = new LinkedHashMap<>();
    for (Map.Entry<Integer, Map<Layer, List<Path>>> bySource : runs.entrySet()) {
      int source = bySource.getKey();
      for (Map.Entry<Layer, List<Path>> byLayer : bySource.getValue().entrySet()) {
        for (Path run : SOURCES.get(source).toRead(byLayer.getValue())) {
          FoundPath path =
              read.computeIfAbsent(
                  run,
                  r -> {
                    FoundPath.Directory parent =
                        new FoundPath.Directory(r.getParent() == null ? r : r.getParent());
                    directories.add(parent);
                    FoundPath created = new FoundPath(r, parent, r.getFileName().toString());
                    found.add(created);
                    return created;
                  });
          path.readBy(source, byLayer.getKey());
        }
      }
    }
    for (FoundPath run : read.values()) {
      readers.accept(run);
    }
    return read.keySet();
  }

  /** The directories entered, for {@link FoundPath#inPathOrder}. */
  List<FoundPath.Directory> directories() {
    return directories;
  }

  /** Every path found, in the order found. */
  List<FoundPath> found() {
    return found;
  }

  /** The directories and files that could not be searched: a problem of every layer. */
  List<Problem> unreadable() {
    return unreadable;
  }
}
