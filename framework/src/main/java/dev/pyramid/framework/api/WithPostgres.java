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
 * <p>One database per JVM, started when a test first asks for it and stopped when the run ends
 * (see {@link PostgresFixture#shared}); configured by the {@code pyramid.postgres.*} keys of
 * {@link PostgresFixture}. Tests share it: isolating their data (truncating, unique ids) is up
 * to the test or to a fixture built on top, such as a platform fixture.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {}
