package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Lets tests set feature flags for themselves: the flags named here, and any set through a {@link
 * FeatureFlags} parameter, hold for one test and are cleared after it.
 *
 * <pre>{@code
 * @Test
 * @WithFlags("eta-buffer=on")
 * void a_buffered_eta_is_longer(PlatformEndpoints platform) { ... }
 * }</pre>
 *
 * <p>Holds the resource lock {@value FeatureFlags#LOCK} for writing, so tests that set flags run
 * alone among the tests that read them. Skipped, with the reason, against a deployed environment.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(FeatureFlagsExtension.class)
@ResourceLock(value = FeatureFlags.LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface WithFlags {
  /** Flags set before each test, as {@code name=value}, such as {@code "eta-buffer=on"}. */
  String[] value() default {};
}
