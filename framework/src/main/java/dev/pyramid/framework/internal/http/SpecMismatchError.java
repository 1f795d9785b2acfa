package dev.pyramid.framework.internal.http;

/**
 * An exchange that breaks the service's OpenAPI document: an assertion failure, so that the test is
 * reported failed (not errored) with the validator's messages, secrets masked.
 *
 * <p>Internal: not part of Pyramid's public API.
 */
public final class SpecMismatchError extends AssertionError {
  private static final long serialVersionUID = 1L;

  public SpecMismatchError(String message) {
    super(message);
  }
}
