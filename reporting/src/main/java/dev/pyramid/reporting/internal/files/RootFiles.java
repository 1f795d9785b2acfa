package dev.pyramid.reporting.internal.files;

import java.nio.file.Path;
import java.util.List;

/**
 * What the evidence collector's walk of one result root found, for the stamp check: no file is
 * listed or hashed twice.
 *
 * @param files every regular file under the root, outside the directories never searched
 * @param unhashed those of {@code files} the collector did not hash: files no glob matched, the
 *     files of Gatling run directories, and files that could not be read
 * @param hashed the {@link FilesSum} of the others, by their paths relative to the root, added up
 *     from the very bytes the readers parsed; the collector does not touch it once collected
 */
public record RootFiles(List<Path> files, List<Path> unhashed, FilesSum hashed) {

  public RootFiles {
    // Not copied: 100,000 entries for a large result set; the collector hands over lists it no
    // longer touches.
    files = java.util.Collections.unmodifiableList(files);
    unhashed = java.util.Collections.unmodifiableList(unhashed);
  }
}
