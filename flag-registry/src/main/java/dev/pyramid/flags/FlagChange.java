package dev.pyramid.flags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one flag's configuration differs between two versions of a stage's flag file: a delivery (a
 * variant, or targeting, handed to customers) or its reversal. Only what the flag serves counts
 * ({@link FlagConfig#state()}): enabled or not, its default variant, its targeting.
 *
 * @param from the flag in the old file; empty when the old file lacked it
 * @param to the flag in the new file; empty when the new file lacks it
 */
public record FlagChange(String flag, Optional<FlagConfig> from, Optional<FlagConfig> to) {

  /**
   * What the flag served before, e.g. {@code default off}; {@code absent} when it was not there.
   */
  public String fromState() {
    return from.map(FlagConfig::state).orElse("absent");
  }

  /** What the flag serves after. */
  public String toState() {
    return to.map(FlagConfig::state).orElse("absent");
  }

  /** The variants the flag can serve after (none when absent or disabled). */
  public Set<String> toVariants() {
    return to.map(FlagConfig::reachableVariants).orElse(Set.of());
  }

  /** The variants the flag could serve before. */
  public Set<String> fromVariants() {
    return from.map(FlagConfig::reachableVariants).orElse(Set.of());
  }

  /**
   * The flags whose configuration differs between {@code old} and {@code next}, in the old file's
   * order, then the new flags in the new file's.
   */
  public static List<FlagChange> between(FlagDocument old, FlagDocument next) {
    Set<String> names = new LinkedHashSet<>(old.flags().keySet());
    names.addAll(next.flags().keySet());
    List<FlagChange> changes = new ArrayList<>();
    for (String name : names) {
      FlagChange change = new FlagChange(name, old.flag(name), next.flag(name));
      if (!change.fromState().equals(change.toState())) {
        changes.add(change);
      }
    }
    return changes;
  }
}
