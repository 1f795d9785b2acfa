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
 * Runs a test once per state of a feature flag: each run sets the flag, is named after the state
 * ({@code [eta-buffer=on]}) and carries it in Allure as a parameter and a {@code flag} label, so
 * the report and the gate tell the runs apart.
 *
 * <pre>{@code
 * @FlagStates(flag = "eta-buffer", values = {"on", "off"})
 * void the_eta_is_buffered_only_when_the_flag_is_on(FeatureFlags flags, PlatformEndpoints platform) {
 *   boolean on = flags.get("eta-buffer").orElseThrow().equals("on");
 *   ...
 * }
 * }</pre>
 *
 * <p>A test method annotated with it is a JUnit test template: do not add {@code @Test}. Holds the
 * resource lock {@value FeatureFlags#LOCK} for writing; skipped, with the reason, against a
 * deployed environment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(FeatureFlagsExtension.class)
@ExtendWith(FlagStatesExtension.class)
@ResourceLock(value = FeatureFlags.LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface FlagStates {
  /** The flag's name, such as {@code eta-buffer}. */
  String flag();

  /** The states to run in, in order; {@code on} and {@code off} by default. */
  String[] values() default {"on", "off"};
}
