package dev.pyramid.reporting.flags;

import dev.pyramid.flags.FlagChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a change of a stage's flags may be delivered: deployment is not delivery, and a variant
 * reaches a stage's customers only once the build that stage runs has passed the stage's required
 * layers in it. A change is safe when it serves only variants that build was tested in (as the
 * history recorded its gate decision for the stage), or when it is a kill switch: it returns to a
 * state already delivered at the stage, or it turns the flag off altogether (disabled, or gone from
 * the file: code takes its own default, as before the flag was delivered). Refused otherwise.
 * Stateless.
 */
public final class DeliveryCheck {

  /** Why a change is safe, or that it is not. */
  public enum Kind {
    /** Every variant it serves passed the required layers in the build the stage runs. */
    TESTED,
    /** It returns to a state already delivered at the stage, or turns the flag off altogether. */
    KILL_SWITCH,
    /** It would serve a variant the build the stage runs was not tested in. */
    REFUSED;

    /** The word reports and the history use, e.g. {@code kill-switch}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** One change, judged. */
  public record Judged(FlagChange change, Kind kind, String reason) {
    public boolean safe() {
      return kind != Kind.REFUSED;
    }
  }

  private DeliveryCheck() {}

  /**
   * Judges each change.
   *
   * @param running the build the stage runs, as reports name it (e.g. {@code c0ffee/42}); empty
   *     when no build was promoted to the stage
   * @param tested by flag, the variants that build's gate decision for the stage recorded as tested
   *     by passing tests of its required layers; empty when it recorded none
   * @param delivered by flag, the states delivered at the stage so far (the history's deliveries)
   */
  public static List<Judged> judge(
      List<FlagChange> changes,
      Optional<String> running,
      Optional<Map<String, Set<String>>> tested,
      Map<String, Set<String>> delivered) {
    List<Judged> judged = new ArrayList<>();
    for (FlagChange change : changes) {
      judged.add(judge(change, running, tested, delivered.getOrDefault(change.flag(), Set.of())));
    }
    return judged;
  }

  private static Judged judge(
      FlagChange change,
      Optional<String> running,
      Optional<Map<String, Set<String>>> tested,
      Set<String> delivered) {
    if (delivered.contains(change.toState())) {
      return new Judged(
          change, Kind.KILL_SWITCH, "back to a state already delivered at this stage");
    }
    Set<String> serves = change.toVariants();
    if (serves.isEmpty()) {
      return new Judged(
          change,
          Kind.KILL_SWITCH,
          "serves no variant any more: code takes its own default, as before the flag was delivered");
    }
    if (running.isEmpty()) {
      return new Judged(
          change,
          Kind.REFUSED,
          "no build runs at this stage (pyramid promote): nothing was tested with "
              + sorted(serves));
    }
    if (tested.isEmpty()) {
      return new Judged(
          change,
          Kind.REFUSED,
          "the gate decision of "
              + running.get()
              + " for this stage recorded no tested flag variants (the policy named no flag"
              + " registry then); gate and promote a build with it");
    }
    Set<String> untested = new TreeSet<>(serves);
    untested.removeAll(tested.get().getOrDefault(change.flag(), Set.of()));
    if (!untested.isEmpty()) {
      return new Judged(
          change,
          Kind.REFUSED,
          "variant(s) "
              + untested
              + " not tested by "
              + running.get()
              + ", the build this stage runs: no passing test of its required layers evaluated"
              + " them; test them (@FlagStates, @FlagMatrix) and promote a build that did");
    }
    return new Judged(
        change,
        Kind.TESTED,
        "every variant it serves "
            + sorted(serves)
            + " passed the required layers in "
            + running.get());
  }

  private static String sorted(Set<String> variants) {
    return new TreeSet<>(variants).toString();
  }
}
