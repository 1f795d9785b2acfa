package dev.pyramid.reporting.conditions;

/**
 * A condition that holds or not, written {@code key: true}: it has no bound, and is dropped by
 * removing it.
 */
abstract class Holds implements ConditionKind {

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    value.isTrue();
    return null;
  }
}
