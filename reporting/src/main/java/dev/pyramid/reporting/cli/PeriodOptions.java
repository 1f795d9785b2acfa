package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.metrics.DeliveryMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --since}, {@code --until} and {@code --days}: the period metrics are computed for. */
final class PeriodOptions {

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description =
          "The end of the period, exclusive: an instant (2026-12-01T00:00:00Z) or a day"
              + " (2026-12-01, its start in UTC). Default: now.")
  private String until;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description =
          "The start of the period, inclusive, written as --until. Default: --days before --until.")
  private String since;

  @Option(
      names = "--days",
      defaultValue = "30",
      paramLabel = "N",
      description = "The period's length when --since is not given (default: ${DEFAULT-VALUE}).")
  private int days;

  /** The period the options name, {@code now} ending it unless --until does. */
  DeliveryMetrics.Period period(Instant now) {
    if (days <= 0 && since == null) {
      throw new IllegalArgumentException("--days is " + days + ": give a number of days above 0");
    }
    Instant to = until == null ? now : instant(until, "--until");
    Instant from = since == null ? to.minus(Duration.ofDays(days)) : instant(since, "--since");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the period is empty: --since (" + from + ") must come before --until (" + to + ")");
    }
    return new DeliveryMetrics.Period(from, to);
  }

  /**
   * A duration written {@code 24h}, {@code 90m}, {@code 2d} or ISO-8601 ({@code PT24H}).
   *
   * @throws IllegalArgumentException naming the option and the forms it takes
   */
  static Duration duration(String text, String option) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.matches("\\d+[dhm]")) {
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
          case 'd' -> Duration.ofDays(amount);
          case 'h' -> Duration.ofHours(amount);
          default -> Duration.ofMinutes(amount);
        };
      }
      return Duration.parse(text.strip());
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " is \"" + text + "\": write a duration as 24h, 90m, 2d or PT24H");
    }
  }

  /** An instant written 2026-12-01T00:00:00Z, or a day (its start in UTC). */
  static Instant instant(String text, String option) {
    try {
      return text.contains("T")
          ? Instant.parse(text.strip())
          : LocalDate.parse(text.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " is \"" + text + "\": write 2026-12-01T00:00:00Z or 2026-12-01");
    }
  }
}
