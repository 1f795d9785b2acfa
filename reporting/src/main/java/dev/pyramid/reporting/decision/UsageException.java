package dev.pyramid.reporting.decision;

/** The gate was asked something the policy cannot answer, e.g. a stage that is not on its path. */
public final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
