package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives tests a {@link StubServer} for a third-party API: declare a {@code StubServer} parameter.
 *
 * <p>One server per JVM (see {@link StubServer#shared}); each test gets its own view of it, and the
 * stubs a test added (in code, or from {@link #files()}) are removed when it ends, so no stub leaks
 * from one test into the next. When a test fails, the requests that matched no stub during it and
 * the nearest stubs are attached to its Allure result as "Stub server: unmatched requests", secrets
 * masked.
 *
 * <p>Parallel-safe: nothing global is reset between tests. Concurrent tests that stub the same
 * request must make their requests distinct (see {@link StubServer}).
 *
 * <pre>{@code
 * @WithStubServer(files = "stubs/routing")   // src/test/resources/stubs/routing/mappings/*.json
 * class RoutingTests { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(StubServerExtension.class)
public @interface WithStubServer {
  /**
   * Classpath folders of WireMock mapping files (WireMock's JSON stub format, one stub or {@code
   * {"mappings":[...]}} per file; a folder with a {@code mappings} sub-folder is read as a WireMock
   * root directory) added before each test of the annotated class or method. A method's files come
   * after its class's. For files every test of the run shares, use {@value StubServer#FILES_KEY}
   * instead.
   */
  String[] files() default {};
}
