package dev.pyramid.reporting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.flags.RegisteredFlag;
import dev.pyramid.reporting.results.Layer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code flag-removal-dates}: no flag is kept past the removal date its registry entry gives. One
 * past it blocks, naming its owner; one due within {@value #DEFAULT_WARN_DAYS} days (option {@value
 * #WARN_DAYS}) passes with a warning naming it. Kinds that may be permanent (operational,
 * permission, kill switch) never block on their date; they are warned about.
 */
final class FlagRemovalDates extends Holds {
  static final String WARN_DAYS = "warn-days";
  static final int DEFAULT_WARN_DAYS = 14;

  @Override
  public String key() {
    return "flag-removal-dates";
  }

  @Override
  public Scope scope() {
    return Scope.acrossRequired(FlagsRegistered.READS);
  }

  @Override
  public Set<String> options() {
    return Set.of(WARN_DAYS);
  }

  @Override
  public String summary() {
    return "no flag in the registry is past its removal date (each is named with its owner); one"
        + " due within "
        + WARN_DAYS
        + " days (default "
        + DEFAULT_WARN_DAYS
        + ") is warned about; operational, permission and kill-switch flags never block";
  }

  @Override
  public String example() {
    return "{ flag-removal-dates: true, " + WARN_DAYS + ": 14 }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.PRODUCT_DEFECT;
  }

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    value.isTrue();
    Optional<JsonNode> days = value.optionNode(WARN_DAYS);
    if (days.isPresent()
        && !(days.get().canConvertToInt()
            && days.get().isIntegralNumber()
            && days.get().asInt() >= 0)) {
      throw new InvalidConditionException(
          WARN_DAYS,
          "must be a whole number of days, 0 or more, is " + ConditionValue.describe(days.get()));
    }
    return null;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    String expected = "none expired";
    FlagEvidence flags =
        FlagEvidence.start(evaluation, scope().read(evaluation.required()), expected, false);
    if (flags.ended() != null) {
      return flags.ended();
    }
    int warnDays =
        condition
            .option(WARN_DAYS)
            .map(days -> Integer.parseInt(days.strip()))
            .orElse(DEFAULT_WARN_DAYS);
    LocalDate today = evaluation.today();
    List<String> expired = new ArrayList<>();
    List<String> dueSoon = new ArrayList<>();
    for (RegisteredFlag flag : flags.registry().flags().values()) {
      if (flag.removal().isEmpty()) {
        continue;
      }
      LocalDate removal = flag.removal().get();
      long days = ChronoUnit.DAYS.between(today, removal);
      String who = " (" + flag.kind().id() + ", owner " + flag.owner() + ")";
      if (days < 0 && !flag.kind().mayBePermanent()) {
        expired.add(
            flag.name() + who + ": removal date " + removal + " passed " + -days + " day(s) ago");
      } else if (days < 0) {
        dueSoon.add(flag.name() + who + ": removal date " + removal + " passed; it may stay");
      } else if (days <= warnDays) {
        dueSoon.add(
            flag.name() + who + ": due for removal on " + removal + ", in " + days + " day(s)");
      }
    }
    List<String> items = new ArrayList<>();
    expired.forEach(item -> items.add("expired: " + item));
    dueSoon.forEach(item -> items.add("warning: " + item));
    String actual =
        expired.size() + " expired, " + dueSoon.size() + " due within " + warnDays + " days";
    List<java.nio.file.Path> evidence = List.of(flags.registry().file());
    if (!expired.isEmpty()) {
      return new Finding(
          expected,
          actual,
          Verdict.FAIL,
          evidence,
          "flag "
              + expired.get(0)
              + "; its owner removes it from the code and the registry, or moves the date with a"
              + " reason",
          items);
    }
    return new Finding(
        expected,
        actual,
        Verdict.PASS,
        evidence,
        dueSoon.isEmpty() ? "" : "warning: flag " + dueSoon.get(0),
        items);
  }
}
