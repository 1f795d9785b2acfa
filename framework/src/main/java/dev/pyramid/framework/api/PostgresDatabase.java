package dev.pyramid.framework.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A running PostgreSQL database that a test may connect to: its JDBC URL, credentials and a {@link
 * DataSource}.
 *
 * <p>Obtained from {@link PostgresFixture#start()}, or injected as a test method parameter under
 * {@link WithPostgres}. The handle itself holds no connection and is safe to share between threads.
 *
 * @param provider which provider runs the database: {@code "testcontainers"}, {@code "embedded"} or
 *     {@code "external"}
 * @param jdbcUrl the JDBC URL, for example {@code jdbc:postgresql://localhost:54321/postgres}; the
 *     port is a free one chosen at start, never a fixed one
 * @param username the user to connect as
 * @param password the password; empty when the server trusts local connections
 */
public record PostgresDatabase(String provider, String jdbcUrl, String username, String password) {
  private static final Pattern DATABASE_IN_URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(.*)$");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

  /**
   * A new, unpooled data source for this database; each {@code getConnection()} opens a new
   * connection, which the caller closes.
   */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    dataSource.setUser(username);
    if (password != null && !password.isEmpty()) {
      dataSource.setPassword(password);
    }
    return dataSource;
  }

  /**
   * A new, empty database on the same server, named {@code prefix} and a random suffix: for a
   * service that must not share this one's schema, say the stage's build of a service started
   * beside the candidate's. It is left to the server's end.
   *
   * @throws IllegalArgumentException when {@code prefix} is not a lower-case SQL name
   * @throws IllegalStateException when the server refuses (an external server whose user may not
   *     create databases), naming the fix
   */
  public PostgresDatabase newDatabase(String prefix) {
    if (!NAME.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "'" + prefix + "' is not a database name prefix: use [a-z][a-z0-9_]{0,40}");
    }
    Matcher url = DATABASE_IN_URL.matcher(jdbcUrl);
    if (!url.matches()) {
      throw new IllegalStateException("Cannot tell the database in " + jdbcUrl);
    }
    String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create database "
              + name
              + " at "
              + jdbcUrl
              + ": "
              + e.getMessage()
              + ". The user "
              + username
              + " needs CREATEDB (an embedded or container database has it).",
          e);
    }
    return new PostgresDatabase(provider, url.group(1) + name + url.group(3), username, password);
  }

  /** Keeps the password out of logs and assertion messages. */
  @Override
  public String toString() {
    return "PostgresDatabase[provider="
        + provider
        + ", jdbcUrl="
        + jdbcUrl
        + ", username="
        + username
        + "]";
  }
}
