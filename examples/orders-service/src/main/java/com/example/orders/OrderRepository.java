package com.example.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** Orders in PostgreSQL: one table, created at start when missing. */
public final class OrderRepository {
  private final DataSource dataSource;

  public OrderRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates the table when it does not exist yet. */
  public void migrate() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS orders ("
              + " id BIGSERIAL PRIMARY KEY,"
              + " customer_id TEXT NOT NULL,"
              + " sku TEXT NOT NULL,"
              + " quantity INTEGER NOT NULL CHECK (quantity > 0),"
              + " total_cents BIGINT NOT NULL,"
              + " payment_id TEXT NOT NULL)");
    }
  }

  /** Stores a paid order and returns it with its id. */
  public Order insert(
      String customerId, String sku, int quantity, long totalCents, String paymentId)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO orders (customer_id, sku, quantity, total_cents, payment_id)"
                    + " VALUES (?, ?, ?, ?, ?) RETURNING id")) {
      insert.setString(1, customerId);
      insert.setString(2, sku);
      insert.setInt(3, quantity);
      insert.setLong(4, totalCents);
      insert.setString(5, paymentId);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return new Order(id.getLong(1), customerId, sku, quantity, totalCents, paymentId);
      }
    }
  }

  /** The order with this id, if there is one. */
  public Optional<Order> find(long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT customer_id, sku, quantity, total_cents, payment_id"
                    + " FROM orders WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Order(
                id,
                row.getString(1),
                row.getString(2),
                row.getInt(3),
                row.getLong(4),
                row.getString(5)));
      }
    }
  }
}
