package dev.pyramid.reporting.conditions;

/**
 * A condition's value or option that a kind cannot accept; the policy reader adds the file, the
 * line and the key.
 */
public final class InvalidConditionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String option;

  /** The condition's value is wrong: {@code reason} says how, and the fix. */
  public InvalidConditionException(String reason) {
    this(null, reason);
  }

  /** The kind's option {@code option} (e.g. {@code request}) is wrong. */
  public InvalidConditionException(String option, String reason) {
    super(reason);
    this.option = option;
  }

  /** The option at fault; null when it is the condition's value. */
  public String option() {
    return option;
  }
}
