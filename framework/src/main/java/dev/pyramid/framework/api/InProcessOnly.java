package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that needs the systems under test started in-process, for instance because it stubs
 * a third party inside the JVM to fail. Against a deployed environment (see {@link Deployment}) the
 * test is skipped, and reported as skipped with the reason given here: never run against the wrong
 * thing, never silently passed.
 *
 * <pre>{@code
 * @Test
 * @InProcessOnly("stubs the routing API to fail; a deployed environment's routing API is real")
 * void a_failing_routing_api_leaves_the_vehicle_available(StubServer routing) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(InProcessOnlyCondition.class)
public @interface InProcessOnly {
  /** Why the test cannot run against a deployed environment; shown as the skip reason. */
  String value();
}
