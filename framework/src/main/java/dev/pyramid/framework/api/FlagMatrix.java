package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test over several feature flags at once: every combination of their values, or, for many
 * flags, {@linkplain #pairwise() pairwise} (every pair of values of any two flags in at least one
 * run, by allpairs4j), leaving out the combinations that cannot happen. Each run is named after its
 * settings ({@code [eta-buffer=on, wide-pickup=off]}) and carries each in Allure as a parameter and
 * a {@code flag} label, as {@link FlagStates} does.
 *
 * <pre>{@code
 * @FlagMatrix(
 *     flags = {@FlagMatrix.Flag(name = "eta-buffer"), @FlagMatrix.Flag(name = "wide-pickup")},
 *     excluding = "eta-buffer=off, wide-pickup=on")
 * void books_in_every_state(FeatureFlags flags, PlatformEndpoints platform) { ... }
 * }</pre>
 *
 * <p>A test template: do not add {@code @Test}. Holds the resource lock {@value FeatureFlags#LOCK}
 * for writing; skipped, with the reason, against a deployed environment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(FeatureFlagsExtension.class)
@ExtendWith(FlagMatrixExtension.class)
@ResourceLock(value = FeatureFlags.LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface FlagMatrix {
  /** The flags, each with its values; at least two. */
  Flag[] flags();

  /**
   * Combinations that never run, each as {@code "flag=value, flag=value"}: a run whose settings
   * include all of one is left out.
   */
  String[] excluding() default {};

  /**
   * True to cover every pair of values of any two flags rather than every combination: far fewer
   * runs for many flags, and what most interaction faults need.
   */
  boolean pairwise() default false;

  /** One flag of the matrix and the values it takes. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface Flag {
    /** The flag's name, such as {@code eta-buffer}. */
    String name();

    /** Its values, in order; {@code on} and {@code off} by default. */
    String[] values() default {"on", "off"};
  }
}
