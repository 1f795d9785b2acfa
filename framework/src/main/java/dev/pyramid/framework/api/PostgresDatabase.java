package dev.pyramid.framework.api;

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
