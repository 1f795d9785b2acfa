package dev.pyramid.reporting.internal.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The regular files below a directory, outside the directories a search leaves out: the one walk
 * behind listing a Gatling run's files, a stamp's manifest and the report's search for build files.
 *
 * <p>No walk enters a build folder ({@code target}) that lies inside another one below where it
 * started: that is another build's output copied into this one's (maven-invoker-plugin's projects
 * in {@code target/it/}, an archetype's test projects), never this build's evidence.
 */
public final class RegularFiles {

  /**
   * Directories that hold no build output of the project being searched: sources (and their
   * fixtures), VCS data, Node modules, and Pyramid's own folder (stamps, history, the proof's
   * copies of whole builds).
   */
  public static final Set<String> NOT_BUILD_OUTPUT =
      Set.of("node_modules", ".git", "src", ".pyramid");

  /**
   * What a walk does with an entry it cannot read: record it and go on, or throw to end the walk.
   */
  @FunctionalInterface
  public interface Unreadable {
    void at(Path path, IOException e) throws IOException;
  }

  private RegularFiles() {}

  /**
   * True when a directory named {@code name}, in {@code parent} (its path relative to where the
   * search started, '/'-separated, empty at the start), is a build folder inside another one.
   */
  public static boolean isNestedBuildFolder(String parent, String name) {
    return name.equals("target") && ("/" + parent + "/").contains("/target/");
  }

  /**
   * Hands every regular file below {@code dir} to {@code found}, in walk order, without entering a
   * directory whose name is in {@code skipped} ({@code dir} itself is entered whatever its name) or
   * a {@linkplain #isNestedBuildFolder nested build folder}. Symbolic links are not followed, nor
   * handed over.
   *
   * @throws IOException when {@code dir} or a directory below it cannot be listed, or {@code
   *     unreadable} throws
   */
  public static void walk(
      Path dir, Set<String> skipped, Consumer<Path> found, Unreadable unreadable)
      throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path inner, BasicFileAttributes attrs) {
            if (inner.equals(dir)) {
              return FileVisitResult.CONTINUE;
            }
            String name = inner.getFileName().toString();
            return skipped.contains(name) || isNestedBuildFolder(parentOf(dir, inner), name)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              found.accept(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            unreadable.at(file, e);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * {@code inner}'s parent relative to {@code dir}, '/'-separated; only asked of "target" folders.
   */
  private static String parentOf(Path dir, Path inner) {
    return dir.relativize(inner.getParent()).toString().replace('\\', '/');
  }
}
