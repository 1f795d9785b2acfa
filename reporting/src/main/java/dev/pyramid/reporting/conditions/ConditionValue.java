package dev.pyramid.reporting.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A condition's value and its kind's options, as the policy gives them, with the readings most
 * kinds need. Every reading throws an {@link InvalidConditionException} that says what was found
 * and what is expected.
 */
public final class ConditionValue {

  private final JsonNode value;
  private final Map<String, JsonNode> options;

  /**
   * @param value the value of the kind's key
   * @param options the kind's own options that the condition gives, by name
   */
  public ConditionValue(JsonNode value, Map<String, JsonNode> options) {
    this.value = value;
    this.options = Map.copyOf(options);
  }

  /** The value as written. */
  public JsonNode node() {
    return value;
  }

  /** A whole number, 0 or more: a count of tests. */
  public int count() throws InvalidConditionException {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new InvalidConditionException("must be a whole number, is " + describe(value));
    }
    if (value.asInt() < 0) {
      throw new InvalidConditionException("must be 0 or more, is " + value.asInt());
    }
    return value.asInt();
  }

  /** A percentage, from 0 to 100. */
  public double percent() throws InvalidConditionException {
    if (!value.isNumber()) {
      throw new InvalidConditionException("must be a number from 0 to 100, is " + describe(value));
    }
    if (value.asDouble() < 0 || value.asDouble() > 100) {
      throw new InvalidConditionException("must be from 0 to 100, is " + value.asDouble());
    }
    return value.asDouble();
  }

  /** The value {@code true}: a condition that holds or not, which is dropped by removing it. */
  public void isTrue() throws InvalidConditionException {
    if (!value.isBoolean() || !value.asBoolean()) {
      throw new InvalidConditionException(
          "must be true (remove the condition to drop it), is " + value);
    }
  }

  /** The option {@code name} as non-empty text, if given. */
  public Optional<String> option(String name) throws InvalidConditionException {
    JsonNode option = options.get(name);
    if (option == null) {
      return Optional.empty();
    }
    if (!option.isTextual() || option.asText().isBlank()) {
      throw new InvalidConditionException(name, "must be a non-empty text, is " + describe(option));
    }
    return Optional.of(option.asText());
  }

  /** The option {@code name} as written, if given: for a kind whose option is a map or a list. */
  public Optional<JsonNode> optionNode(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** A node's type and value for a message, e.g. {@code string "many"}. */
  public static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "empty";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
  }
}
