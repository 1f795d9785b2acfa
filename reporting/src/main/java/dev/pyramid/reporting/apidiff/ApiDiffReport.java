package dev.pyramid.reporting.apidiff;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link ApiDiff} found between two documents, version by version. Compatible when no version
 * lists a breaking change.
 *
 * @param oldSource the OLD document's file or URL
 * @param newSource the NEW document's file or URL
 * @param today the day sunset dates were judged against
 * @param versionPattern the pattern a path segment matched to name its version
 * @param versions every version of either document, in version order; unversioned paths first
 * @param warnings what the parser reported about either document without refusing it
 */
public record ApiDiffReport(
    String oldSource,
    String newSource,
    LocalDate today,
    String versionPattern,
    List<VersionDiff> versions,
    List<String> warnings) {

  /** The name of the group of paths that have no version segment. */
  public static final String UNVERSIONED = "(no version)";

  public ApiDiffReport {
    versions = List.copyOf(versions);
    warnings = List.copyOf(warnings);
  }

  /** Whether any version lists a breaking change. */
  public boolean isBreaking() {
    return versions.stream().anyMatch(v -> !v.breaking().isEmpty());
  }

  /** Every breaking change of every version. */
  public List<Breaking> breaking() {
    return versions.stream().flatMap(v -> v.breaking().stream()).toList();
  }

  /** What became of a version between the two documents. */
  public enum Status {
    /** In both documents: compared operation by operation. */
    KEPT,
    /** Only in NEW: an addition, always compatible. */
    ADDED,
    /** Only in OLD: compatible only once every operation's sunset date has passed. */
    REMOVED
  }

  /** Who says a change breaks consumers. */
  public enum Origin {
    /** openapi-diff's {@code isIncompatible()}. */
    OPENAPI_DIFF,
    /** Pyramid's own rules: removals before their sunset, response fields removed. */
    PYRAMID
  }

  /**
   * One version's findings.
   *
   * @param version the version segment ({@code v1}), or {@link #UNVERSIONED}
   * @param breaking the breaking changes, operation by operation
   * @param added operations only NEW has ({@code GET /v2/rides})
   * @param removed operations removed once their sunset date had passed
   * @param deprecated operations NEW deprecates that OLD did not
   */
  public record VersionDiff(
      String version,
      Status status,
      List<Breaking> breaking,
      List<String> added,
      List<Removal> removed,
      List<Deprecation> deprecated) {

    public VersionDiff {
      breaking = List.copyOf(breaking);
      added = List.copyOf(added);
      removed = List.copyOf(removed);
      deprecated = List.copyOf(deprecated);
    }
  }

  /**
   * A backward-incompatible change.
   *
   * @param operation method and path in OLD ({@code POST /v1/rides})
   * @param where the part of the operation: {@code operation}, {@code parameter status (query)},
   *     {@code request body application/json}, {@code response 200 application/json}...
   * @param field the schema property, dotted ({@code driver.name}, {@code stops[].id}), or empty
   * @param change what changed, in words ({@code type changed from integer to string})
   */
  public record Breaking(
      String operation, String where, String field, String change, Origin origin) {}

  /** An operation removed on or after its sunset date: compatible. */
  public record Removal(String operation, LocalDate sunset) {}

  /**
   * An operation NEW deprecates.
   *
   * @param sunset its {@code x-sunset} date, or null when it has none (it can then never be removed
   *     without a new version)
   */
  public record Deprecation(String operation, LocalDate sunset) {}
}
