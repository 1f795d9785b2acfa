package dev.pyramid.flags;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a flag is for, as its registry entry's {@code metadata.kind} says; decides whether it must
 * name a removal date. Release flags and experiments are temporary: they go once the feature is
 * delivered or the experiment decided. Operational flags, permissions and kill switches may stay.
 */
public enum FlagKind {
  /** Hides a feature until it is delivered; removed once it is delivered to everyone. */
  RELEASE(false),
  /** Splits customers between variants to learn which is better; removed once decided. */
  EXPERIMENT(false),
  /** Tunes how the system runs (a limit, a fallback); may stay. */
  OPERATIONAL(true),
  /** Gives some customers a capability (a plan, an entitlement); may stay. */
  PERMISSION(true),
  /** Turns a feature off in an emergency; may stay. */
  KILL_SWITCH(true);

  private final boolean mayBePermanent;

  FlagKind(boolean mayBePermanent) {
    this.mayBePermanent = mayBePermanent;
  }

  /** True when a flag of this kind may have no removal date. */
  public boolean mayBePermanent() {
    return mayBePermanent;
  }

  /** The name the registry writes, e.g. {@code kill-switch}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind the registry names {@code id}, if any. */
  public static Optional<FlagKind> byId(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst();
  }

  /** Every id, for messages: {@code release, experiment, ...}. */
  public static String ids() {
    return Arrays.stream(values()).map(FlagKind::id).collect(Collectors.joining(", "));
  }
}
