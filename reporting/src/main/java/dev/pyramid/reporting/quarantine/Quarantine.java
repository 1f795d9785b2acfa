package dev.pyramid.reporting.quarantine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The quarantined tests of {@code quarantine.yml}.
 *
 * @param source the file, or null when there is none
 */
public record Quarantine(Path source, List<Entry> entries) {

  /** No quarantine file. */
  public static final Quarantine NONE = new Quarantine(null, List.of());

  public Quarantine {
    entries = List.copyOf(entries);
  }

  /** The entry for the test {@code id} ({@code className#name}), if any. */
  public Optional<Entry> entryFor(String id) {
    return entries.stream().filter(e -> e.test().equals(id)).findFirst();
  }

  /**
   * One quarantined test.
   *
   * @param test {@code className#name} as the result files name it
   * @param expires the last day the entry is valid
   * @param line where it is written
   */
  public record Entry(String test, String owner, String reason, LocalDate expires, int line) {

    /** True on and before {@code expires}. */
    public boolean validOn(LocalDate day) {
      return !day.isAfter(expires);
    }
  }
}
