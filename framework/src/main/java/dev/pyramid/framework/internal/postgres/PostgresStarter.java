package dev.pyramid.framework.internal.postgres;

import dev.pyramid.framework.api.PostgresDatabase;
import dev.pyramid.framework.api.PostgresFixture;
import dev.pyramid.framework.api.PostgresFixture.Provider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts (embedded) or reaches (external) the PostgreSQL that {@link PostgresSettings} chose.
 *
 * <p>Internal: not part of Pyramid's public API. Not thread-safe; {@link PostgresFixture} serializes calls.
 */
public final class PostgresStarter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresFixture.class);

  private final PostgresSettings settings;
  private EmbeddedPostgres embedded;

  public PostgresStarter(PostgresSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts or reaches the database and checks that it accepts a connection.
   *
   * @throws IllegalStateException naming the cause and the fix when it cannot
   */
  public PostgresDatabase start() {
    LOG.info(settings.describe());
    if (settings.provider() == Provider.EXTERNAL) {
      PostgresDatabase database =
          new PostgresDatabase(
              "external", settings.jdbcUrl(), settings.username(), settings.password());
      checkConnects(database);
      return database;
    }
    try {
      embedded = EmbeddedPostgres.builder().start();
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
    PostgresDatabase database =
        new PostgresDatabase(
            "embedded", "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", "");
    LOG.info("Embedded PostgreSQL is up at {}", database.jdbcUrl());
    return database;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
      } finally {
        embedded = null;
      }
    }
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
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String outer = describe(e);
    return root == e ? outer : outer + ", caused by " + describe(root);
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
