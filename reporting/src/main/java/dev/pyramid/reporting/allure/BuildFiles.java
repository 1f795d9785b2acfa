package dev.pyramid.reporting.allure;

import dev.pyramid.reporting.internal.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds build output files under result roots without descending into sources, VCS data, Node
 * modules, Pyramid's own folder, another build's output or generated reports (which hold copies of
 * the very files searched for).
 */
final class BuildFiles {

  private static final Set<String> NOT_SEARCHED = notSearched();

  private static Set<String> notSearched() {
    Set<String> names = new HashSet<>(RegularFiles.NOT_BUILD_OUTPUT);
    names.addAll(
        Set.of("allure-report", "allure-commandline", "allure-results", "classes", "test-classes"));
    return Set.copyOf(names);
  }

  private BuildFiles() {}

  /**
   * Regular files under the roots whose path (with '/' separators) {@code wanted} accepts, in walk
   * order.
   */
  static List<Path> find(List<Path> roots, Predicate<String> wanted) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path root : roots) {
      Path start = root.toAbsolutePath().normalize();
      if (!Files.isDirectory(start)) {
        continue;
      }
      RegularFiles.walk(
          start,
          NOT_SEARCHED,
          file -> {
            if (wanted.test(file.toString().replace('\\', '/'))) {
              found.add(file);
            }
          },
          (file, e) -> {}); // skipped: the report shows what it can read
    }
    return found;
  }
}
