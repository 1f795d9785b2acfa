package dev.pyramid.reporting.stamp;

import dev.pyramid.reporting.internal.files.FilesSum;
import java.time.Instant;
import java.util.List;

/**
 * What {@code pyramid stamp} recorded in a result root: {@value #FILE}, and the manifest beside it,
 * {@value #MANIFEST}, in the format of {@code sha256sum} (so that {@code cd DIR && sha256sum -c
 * .pyramid/manifest.sha256} checks it too).
 *
 * @param build the build the files belong to
 * @param stampedAt when the stamp was written
 * @param include the globs (relative to the root) the manifest covers; {@code **} for every file
 * @param files how many files the manifest lists
 * @param manifestSha256 the SHA-256 of the manifest file ({@code sha256sum
 *     .pyramid/manifest.sha256} prints it)
 * @param filesSum the {@link FilesSum} of the manifest's entries: what a check compares first
 * @param stale covered files left out because they are older than the build ({@code --not-before})
 */
public record Stamp(
    BuildIdentity build,
    Instant stampedAt,
    List<String> include,
    int files,
    String manifestSha256,
    String filesSum,
    List<String> stale) {

  /** Where the stamp lies in its root. */
  public static final String FILE = ".pyramid/stamp.json";

  /**
   * Where the manifest lies in its root: one {@code <sha256> <path>} line per file, sorted by path.
   */
  public static final String MANIFEST = ".pyramid/manifest.sha256";

  /**
   * The version of the stamp file's shape (2: the manifest moved out of stamp.json, which keeps its
   * hash).
   */
  public static final int SCHEMA_VERSION = 2;

  public Stamp {
    include = List.copyOf(include);
    stale = List.copyOf(stale);
  }
}
