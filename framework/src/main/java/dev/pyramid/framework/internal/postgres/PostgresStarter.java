package dev.pyramid.framework.internal.postgres;

import dev.pyramid.framework.api.PostgresDatabase;
import dev.pyramid.framework.api.PostgresFixture;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts (testcontainers, embedded) or reaches (external) the PostgreSQL that {@link
 * PostgresSettings} chose, logs which one and why, and stops it again.
 *
 * <p>Internal: not part of Pyramid's public API. Not thread-safe; {@link PostgresFixture}
 * serializes calls.
 */
public final class PostgresStarter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresFixture.class);

  private PostgresSettings settings;
  private EmbeddedServer embedded;
  private ContainerServer container;

  public PostgresStarter(PostgresSettings settings) {
    this.settings = settings;
  }

  /** The decision as finally taken: after a container failed under {@code auto}, embedded. */
  public PostgresSettings settings() {
    return settings;
  }

  /**
   * Starts or reaches the database and checks that it accepts a connection.
   *
   * @throws IllegalStateException naming the cause and the fix when it cannot
   */
  public PostgresDatabase start() {
    LOG.info(settings.describe());
    long started = System.nanoTime();
    PostgresDatabase database;
    switch (settings.provider()) {
      case EXTERNAL:
        database =
            new PostgresDatabase(
                "external", settings.jdbcUrl(), settings.username(), settings.password());
        checkConnects(database);
        break;
      case TESTCONTAINERS:
        database = startContainerOrFallBack();
        break;
      default:
        database = startEmbedded();
        break;
    }
    LOG.info(
        "PostgreSQL ({}) is up in {} ms at {}",
        database.provider(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        database.jdbcUrl());
    return database;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
    if (container != null) {
      container.close();
      container = null;
    }
  }

  private PostgresDatabase startContainerOrFallBack() {
    try {
      container = ContainerServer.start(settings.image());
      return container.database();
    } catch (RuntimeException e) {
      if (settings.fallbackToEmbedded()) {
        settings = settings.embeddedInstead(rootMessage(e));
        LOG.warn(settings.describe());
        return startEmbedded();
      }
      throw new IllegalStateException(
          "PostgreSQL container from image "
              + settings.image()
              + " did not start: "
              + rootMessage(e)
              + ". Fix: where no image registry is reachable, build the image locally with"
              + " scripts/container-engine.sh and set "
              + PostgresFixture.IMAGE_KEY
              + "=localhost/pyramid-postgres:15; or set "
              + PostgresFixture.PROVIDER_KEY
              + "=auto (falls back to embedded) or embedded.",
          e);
    }
  }

  private PostgresDatabase startEmbedded() {
    try {
      embedded = EmbeddedServer.start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Embedded PostgreSQL did not start: "
              + rootMessage(e)
              + ". Fix: it unpacks PostgreSQL under java.io.tmpdir and runs it as a child process"
              + " (as root it needs 'unshare'); check both, or point the tests at a running server"
              + " with "
              + PostgresFixture.PROVIDER_KEY
              + "=external and "
              + PostgresFixture.URL_KEY
              + "=jdbc:postgresql://host:5432/db.",
          e);
    }
    return embedded.database();
  }

  private static void checkConnects(PostgresDatabase database) {
    try (Connection connection = database.dataSource().getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at "
              + database.jdbcUrl()
              + " did not accept a connection as user "
              + database.username()
              + ": "
              + rootMessage(e)
              + ". Fix: check "
              + PostgresFixture.URL_KEY
              + ", "
              + PostgresFixture.USERNAME_KEY
              + " and "
              + PostgresFixture.PASSWORD_KEY
              + ", or remove "
              + PostgresFixture.PROVIDER_KEY
              + " to use embedded PostgreSQL.",
          e);
    }
  }

  /** The outermost and the root cause: the first says what failed, the second usually why. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String outer = describe(e);
    return root == e ? outer : outer + ", caused by " + describe(root);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
