package dev.pyramid.reporting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.apidiff.ApiDiffRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The sunset dates a policy gives {@code api-compatible} (its option {@value #OPTION}), in place of
 * the documents' {@code x-sunset}, keyed as {@code pyramid api-diff --sunset} takes them: an
 * operation ({@code "DELETE /v1/rides/{id}": 2026-04-30}) or a version ({@code "v1": 2026-03-31},
 * every operation of it); an operation's own date wins over its version's, and either over the
 * document's. They hold for every service's document compared, and only ever for an operation the
 * document the stage runs deprecated: removing one that is not deprecated still breaks.
 */
final class SunsetDates {

  /** The option of {@code api-compatible} that gives them. */
  static final String OPTION = "sunset";

  /** An operation as {@code pyramid api-diff} names it. */
  private static final Pattern OPERATION =
      Pattern.compile("(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) /\\S*");

  private static final Pattern VERSION = Pattern.compile(ApiDiffRules.DEFAULT_VERSION_PATTERN);

  private SunsetDates() {}

  /**
   * Reads and checks the option as the policy writes it; none when it is not given.
   *
   * @throws InvalidConditionException naming the entry at fault ({@code sunset.v1}) and the form
   *     expected
   */
  static Map<String, LocalDate> read(ConditionValue value) throws InvalidConditionException {
    Optional<JsonNode> option = value.optionNode(OPTION);
    Map<String, LocalDate> dates = new TreeMap<>();
    if (option.isEmpty()) {
      return dates;
    }
    JsonNode map = option.get();
    if (!map.isObject()) {
      throw new InvalidConditionException(
          OPTION,
          "must be a map of operations or versions to dates, e.g. { \"v1\": 2026-03-31,"
              + " \"DELETE /v1/rides/{id}\": 2026-04-30 }, is "
              + ConditionValue.describe(map));
    }
    for (Map.Entry<String, JsonNode> entry : map.properties()) {
      String key = entry.getKey();
      if (!OPERATION.matcher(key).matches() && !VERSION.matcher(key).matches()) {
        throw new InvalidConditionException(
            OPTION + "." + key,
            "\""
                + key
                + "\" is neither an operation (\"DELETE /v1/rides/{id}\": the method in capitals,"
                + " a space, the path as the document writes it) nor a path version (\"v1\")");
      }
      dates.put(key, date(key, entry.getValue()));
    }
    return dates;
  }

  /** The dates of a condition the policy reader read (and so checked). */
  static Map<String, LocalDate> of(Condition condition) {
    Map<String, LocalDate> dates = new TreeMap<>();
    condition
        .optionMap(OPTION)
        .forEach((key, date) -> dates.put(key, LocalDate.parse(date.strip())));
    return dates;
  }

  private static LocalDate date(String key, JsonNode node) throws InvalidConditionException {
    try {
      if (node.isTextual()) {
        return LocalDate.parse(node.asText().strip());
      }
    } catch (DateTimeParseException e) {
      // said below
    }
    throw new InvalidConditionException(
        OPTION + "." + key, "must be a date (yyyy-mm-dd), is " + ConditionValue.describe(node));
  }
}
