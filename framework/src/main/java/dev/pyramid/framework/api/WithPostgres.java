package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives tests a PostgreSQL database: declare a {@link PostgresDatabase} parameter on a test,
 * lifecycle method or constructor.
 *
 * <p>One database per JVM, started when a test first asks for it, kept in the root extension
 * context's store and stopped by JUnit when the run ends (see {@link PostgresFixture#shared});
 * configured by the {@code pyramid.postgres.*} keys of {@link PostgresFixture}. If it cannot start,
 * every test that asks for it fails with the same message naming the cause and the fix, and the
 * start is not retried per test.
 *
 * <p>Tests share the database and may run in parallel: migrations and isolating data (truncating,
 * unique ids) are up to the test or to a fixture built on top, such as the platform fixture, which
 * migrates once and truncates the platform's tables before each test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {}
