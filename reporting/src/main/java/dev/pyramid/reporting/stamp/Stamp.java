package dev.pyramid.reporting.stamp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code pyramid stamp} recorded in a result root.
 *
 * @param build the build the files belong to
 * @param stampedAt when the stamp was written
 * @param include the globs (relative to the root) the manifest covers; {@code **} for every file
 * @param manifest every covered file, by path relative to the root ('/'-separated), to its SHA-256 (hex); the
 *     caller hands the map over and must not change it afterwards
 * @param stale covered files left out because they are older than the build ({@code --not-before})
 */
public record Stamp(BuildIdentity build, Instant stampedAt, List<String> include, Map<String, String> manifest,
    List<String> stale) {

  /** Where the stamp lies in its root. */
  public static final String FILE = ".pyramid/stamp.json";

  /** The version of the stamp file's shape. */
  public static final int SCHEMA_VERSION = 1;

  public Stamp {
    include = List.copyOf(include);
    // Handed over, not copied (100,000 entries for a large result set): a view no one can change through.
    // Written stamps hold a sorted map (the file lists paths in order); read ones a hash map (for lookups).
    manifest = java.util.Collections.unmodifiableMap(manifest);
    stale = List.copyOf(stale);
  }

  /** The manifest, as a plain map. */
  public Map<String, String> files() {
    return manifest;
  }
}
