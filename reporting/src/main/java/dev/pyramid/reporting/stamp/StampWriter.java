package dev.pyramid.reporting.stamp;

import dev.pyramid.reporting.internal.files.FilesSum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a stamp: the manifest of the files a result root holds right after its results are
 * written, then {@value Stamp#FILE}, which holds the manifest's hash and the {@link FilesSum} of
 * its entries ({@link StampFormat}). Thread-safe.
 */
public final class StampWriter {

  private StampWriter() {}

  /**
   * Stamps {@code root}: hashes every covered file, writes the manifest, then {@value Stamp#FILE}.
   *
   * @param include globs relative to the root; empty means every file
   * @param notBefore files last modified before this instant (results of an earlier build) are left
   *     out of the manifest and listed as stale; null to keep every file
   */
  public static Stamp write(
      Path root, BuildIdentity build, List<String> include, Instant notBefore, Instant now)
      throws IOException {
    List<String> globs = include.isEmpty() ? List.of("**") : include;
    TreeMap<String, String> manifest = new TreeMap<>();
    List<String> stale = new ArrayList<>();
    List<Path> files = StampFormat.covered(root, globs);
    List<String[]> hashed =
        files.parallelStream()
            .map(
                file -> {
                  try {
                    if (notBefore != null
                        && Files.getLastModifiedTime(file).toInstant().isBefore(notBefore)) {
                      return new String[] {StampFormat.relative(root, file), null};
                    }
                    return new String[] {
                      StampFormat.relative(root, file), StampFormat.sha256(file)
                    };
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toList();
    for (String[] entry : hashed) {
      if (entry[1] == null) {
        stale.add(entry[0]);
      } else {
        manifest.put(entry[0], entry[1]);
      }
    }
    Path file = root.resolve(Stamp.FILE);
    Files.createDirectories(file.getParent());
    // The manifest first: a stamp.json is never there without the manifest whose hash it holds.
    Path manifestFile = root.resolve(Stamp.MANIFEST);
    Path temporary = Files.createTempFile(manifestFile.getParent(), "manifest", ".tmp");
    FilesSum sum = new FilesSum();
    try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> entry : manifest.entrySet()) {
        out.write(StampFormat.manifestLine(entry.getKey(), entry.getValue()));
        sum.add(entry.getKey(), entry.getValue());
      }
    }
    Files.move(
        temporary,
        manifestFile,
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    Stamp stamp =
        new Stamp(
            build, now, globs, manifest.size(), StampFormat.sha256(manifestFile), sum.hex(), stale);
    temporary = Files.createTempFile(file.getParent(), "stamp", ".tmp");
    StampFormat.writeStamp(temporary, stamp);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return stamp;
  }
}
