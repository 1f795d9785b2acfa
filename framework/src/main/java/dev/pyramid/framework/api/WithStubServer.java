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
 * <p>One server per JVM (see {@link StubServer#shared}), reset before each test so that no stub
 * or request leaks from one test into the next. When a test fails, the requests that matched no
 * stub and the nearest stubs are attached to its Allure result as "Stub server: unmatched
 * requests", secrets masked. Not for tests that run concurrently with each other.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(StubServerExtension.class)
public @interface WithStubServer {}
