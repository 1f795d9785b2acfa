package dev.pyramid.framework.api;

import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * No browser could start for a {@link WithBrowser} test, which therefore errors without running:
 * its message begins with {@value #PREFIX}, names what is missing and how to install it. A
 * parameter resolution failure of its own so that JUnit reports it as it is (type and message in
 * the Surefire/Failsafe XML), and the gate counts such a layer's evidence as missing, not as failed
 * tests.
 */
public final class BrowserUnavailableException extends ParameterResolutionException {
  private static final long serialVersionUID = 1L;

  /** How every message starts; the gate recognises a test that never got its browser by it. */
  public static final String PREFIX = "No browser could start: ";

  BrowserUnavailableException(String reason, Throwable cause) {
    super(PREFIX + reason, cause);
  }
}
