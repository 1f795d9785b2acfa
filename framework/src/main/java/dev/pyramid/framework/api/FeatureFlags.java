package dev.pyramid.framework.api;

import dev.openfeature.sdk.OpenFeatureAPI;
import dev.pyramid.framework.internal.flags.TestFlagProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * Feature flags a test sets for itself, read by the code under test through OpenFeature.
 *
 * <p>Declare a {@code FeatureFlags} parameter in a test annotated with {@link WithFlags}, or run a
 * test once per state of a flag with {@link FlagStates}:
 *
 * <pre>{@code
 * @Test
 * @WithFlags
 * void buffered_eta(FeatureFlags flags) {
 *   flags.set("eta-buffer", "on");
 *   ...
 * }
 * }</pre>
 *
 * <p>Pyramid installs its own provider as OpenFeature's default provider in this JVM, so code
 * started in-process (the platform under test) reads what the test set; flags nobody set answer the
 * caller's default. Every flag is cleared before and after each test.
 *
 * <p>OpenFeature's provider is global to the JVM: a test that sets flags holds the resource lock
 * {@value #LOCK} for writing, and tests that only read flags (such as those of a platform fixture)
 * should hold it for reading, so that under parallel execution no test sees another's flags. {@link
 * WithFlags} and {@link FlagStates} take the write lock for you. Against a deployed environment
 * (see {@link Deployment}) tests that set flags are skipped: that environment's flags are its own
 * provider's.
 */
public final class FeatureFlags {
  /** The {@code @ResourceLock} name guarding OpenFeature's global provider. */
  public static final String LOCK = "pyramid.feature-flags";

  private static final TestFlagProvider PROVIDER = new TestFlagProvider();

  private FeatureFlags() {}

  /** The flags of this JVM, with Pyramid's provider installed as OpenFeature's default. */
  static synchronized FeatureFlags installed() {
    OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    if (api.getProvider() != PROVIDER) {
      api.setProviderAndWait(PROVIDER);
    }
    return new FeatureFlags();
  }

  /**
   * Sets {@code flag} to {@code value} ({@code "on"}, {@code "off"}, a variant name, a number) for
   * this test.
   */
  public FeatureFlags set(String flag, String value) {
    PROVIDER.set(Objects.requireNonNull(flag, "flag"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Turns a boolean {@code flag} on or off for this test. */
  public FeatureFlags set(String flag, boolean on) {
    return set(flag, on ? "on" : "off");
  }

  /** The value this test set for {@code flag}, if any. */
  public Optional<String> get(String flag) {
    return Optional.ofNullable(PROVIDER.get(flag));
  }

  /** Clears every flag: code under test sees its defaults again. */
  public void clear() {
    PROVIDER.clear();
  }
}
