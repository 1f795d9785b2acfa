package dev.pyramid.framework.api;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Whether this run targets a deployed environment (a smoke test after a deployment) rather than
 * systems the tests start in-process.
 *
 * <p>A run is deployed when the configuration parameter {@value #GATEWAY_URL_KEY} (the deployed
 * system's public entry point) is set, as a system property, in {@code junit-platform.properties}
 * or as a Surefire/Failsafe configuration parameter. Fixtures that cannot work against a deployed
 * environment (stubs inside the JVM, flags set by the test) skip their tests then, with a reason;
 * see {@link InProcessOnly}.
 */
public final class Deployment {
  /** Configuration key: the public base URL of the deployed system under test. */
  public static final String GATEWAY_URL_KEY = "pyramid.target.gateway-url";

  /**
   * Configuration key: the services of a rolling update taken from the stage's build (comma
   * separated, say {@code fleet-core}); the others run the candidate's build. Set, the platform's
   * services run as processes started from their jars, while stubs and the database stay in the
   * test JVM.
   */
  public static final String ROLLING_UPDATE_KEY = "pyramid.rolling-update.from-stage";

  private Deployment() {}

  /** Whether {@value #GATEWAY_URL_KEY} names a deployed environment for this run. */
  public static boolean isDeployed(ExtensionContext context) {
    return context
        .getConfigurationParameter(GATEWAY_URL_KEY)
        .filter(value -> !value.isBlank())
        .isPresent();
  }

  /**
   * Whether this run is a rolling update ({@value #ROLLING_UPDATE_KEY} is set): the services run as
   * processes of mixed builds, so what a test sets inside this JVM (feature flags) does not reach
   * them.
   */
  public static boolean isRollingUpdate(ExtensionContext context) {
    return context
        .getConfigurationParameter(ROLLING_UPDATE_KEY)
        .filter(value -> !value.isBlank())
        .isPresent();
  }
}
