package dev.pyramid.reporting.allure;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts each Gatling run's HTML report inside the generated Allure report, under {@code gatling/<run
 * directory>/}, where the perf results' links point ({@link #LINK_PREFIX}).
 *
 * <p>Allure cannot show a directory as an attachment, so the run is copied next to the report's
 * {@code index.html} and linked relatively: it opens wherever the report is served from.
 */
final class GatlingReports {

  /**
   * The report-relative folder of the Gatling runs; a perf result links {@code
   * gatling/<run>/index.html}.
   */
  public static final String LINK_PREFIX = "gatling/";

  private GatlingReports() {}

  /**
   * Copies every {@code target/gatling/<run>/} with an {@code index.html} under the roots into the
   * report.
   */
  static List<Path> copyInto(List<Path> roots, Path report) throws IOException {
    List<Path> copied = new ArrayList<>();
    List<Path> runs =
        BuildFiles.find(roots, path -> path.endsWith("/index.html")).stream()
            .map(Path::getParent)
            .filter(
                run ->
                    run.getParent() != null
                        && run.getParent().getFileName().toString().equals("gatling")
                        && run.getParent().getParent() != null
                        && run.getParent().getParent().getFileName().toString().equals("target"))
            .toList();
    for (Path run : runs) {
      Path destination = report.resolve("gatling").resolve(run.getFileName().toString());
      copyTree(run, destination);
      copied.add(destination);
    }
    return copied;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
