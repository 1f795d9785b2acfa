package dev.pyramid.platform.fleetcore.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * fleet-core's PostgreSQL database: a connection pool whose schema Flyway has migrated, and a way
 * to run work in one transaction.
 *
 * <p>Thread-safe. {@link #close()} closes the pool.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Opens a pool on {@code jdbcUrl} and migrates the schema from {@code classpath:db/migration}.
   *
   * @throws DatabaseException when the database cannot be reached or a migration fails
   */
  public static Database open(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("fleet-core");
    config.setMaximumPoolSize(10);
    // A request waiting longer than this for a connection is better answered with an error.
    config.setConnectionTimeout(5_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseException(
          "Cannot connect to " + jdbcUrl + " as " + user + ": " + rootMessage(e), e);
    }
    try {
      migrate(pool);
      return new Database(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw new DatabaseException(
          "Migrating the schema at " + jdbcUrl + " failed: " + rootMessage(e), e);
    }
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  /**
   * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws
   * anything, and rethrows unchecked exceptions unchanged (SQL failures as {@link
   * DatabaseException}).
   */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("Database operation failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** Work against one connection inside a transaction. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
