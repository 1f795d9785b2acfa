package dev.pyramid.reporting.allure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Carries Allure's {@code history/} (trends, retries, "new failure" marks) from one report to the
 * next.
 *
 * <p>Before generating, the history comes from the store (a directory outside {@code target/}, so
 * that {@code mvn clean} keeps it), else from the previous report's {@code history/}; after
 * generating, the new report's {@code history/} replaces the store's content. Allure then shows a
 * trend of two points after the second build.
 *
 * @param store the persistent history directory, e.g. {@code .pyramid/allure-history}
 */
record ReportHistory(Path store) {

  /**
   * Copies the previous history into {@code results/history}; returns where it came from, if
   * anywhere.
   */
  public Optional<Path> restore(Path previousReport, Path results) throws IOException {
    Path source = hasFiles(store) ? store : previousReport.resolve("history");
    if (!hasFiles(source)) {
      return Optional.empty();
    }
    copyFiles(source, results.resolve("history"));
    return Optional.of(source);
  }

  /** Replaces the store's content with {@code report/history}; false when the report has none. */
  public boolean save(Path report) throws IOException {
    Path history = report.resolve("history");
    if (!hasFiles(history)) {
      return false;
    }
    copyFiles(history, store);
    return true;
  }

  private static boolean hasFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(Files::isRegularFile);
    }
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
