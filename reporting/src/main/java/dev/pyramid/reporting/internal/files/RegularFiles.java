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
 */
public final class RegularFiles {

  /**
   * What a walk does with an entry it cannot read: record it and go on, or throw to end the walk.
   */
  @FunctionalInterface
  public interface Unreadable {
    void at(Path path, IOException e) throws IOException;
  }

  private RegularFiles() {}

  /**
   * Hands every regular file below {@code dir} to {@code found}, in walk order, without entering a
   * directory whose name is in {@code skipped} ({@code dir} itself is entered whatever its name).
   * Symbolic links are not followed, nor handed over.
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
            return !inner.equals(dir) && skipped.contains(inner.getFileName().toString())
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
}
