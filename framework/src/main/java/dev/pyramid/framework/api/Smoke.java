package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an end-to-end journey of what the platform already delivers: the smoke set, which also runs
 * where the candidate is not alone, as in a rolling update beside the build a stage runs (JUnit tag
 * {@value #TAG}; the build's rolling-update runs select {@code e2e & smoke}).
 *
 * <p>A journey through something new in this build (a new version of an endpoint, a new field it
 * reads) would fail against the stage's older build for the wrong reason: the stage does not have
 * it yet. Leave it out of the smoke set until a stage runs it, then add it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Tag(Smoke.TAG)
public @interface Smoke {
  /** The JUnit tag. */
  String TAG = "smoke";
}
