package dev.pyramid.reporting.quarantine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The quarantined tests of {@code quarantine.yml}, and the tests it says were retired on purpose.
 *
 * @param source the file, or null when there is none
 * @param entries tests whose failures do not block while their entry is valid
 * @param retired tests deleted or renamed on purpose, which {@code max-vanished-tests} does not
 *     count while their entry is valid
 */
public record Quarantine(Path source, List<Entry> entries, List<Entry> retired) {

  /** No quarantine file. */
  public static final Quarantine NONE = new Quarantine(null, List.of(), List.of());

  public Quarantine {
    entries = List.copyOf(entries);
    retired = List.copyOf(retired);
  }

  /** The ids of the retired tests whose entry is valid on {@code day}. */
  public Set<String> retiredOn(LocalDate day) {
    return retired.stream()
        .filter(entry -> entry.validOn(day))
        .map(Entry::test)
        .collect(Collectors.toUnmodifiableSet());
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
