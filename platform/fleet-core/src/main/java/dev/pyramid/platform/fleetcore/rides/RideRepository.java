package dev.pyramid.platform.fleetcore.rides;

import dev.pyramid.platform.fleetcore.geo.Location;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Ride rows in PostgreSQL; every method runs in the caller's transaction. */
final class RideRepository {

  private static final String COLUMNS =
      "id, rider_id, status, vehicle_id, eta_seconds, pickup_lat, pickup_lon, dropoff_lat, dropoff_lon,"
          + " created_at";

  private RideRepository() {}

  static void insert(Connection c, Ride ride) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO rides (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, ride.id());
      insert.setString(2, ride.riderId());
      insert.setString(3, ride.status().name());
      insert.setObject(4, ride.vehicleId());
      insert.setInt(5, ride.etaSeconds());
      insert.setDouble(6, ride.pickup().lat());
      insert.setDouble(7, ride.pickup().lon());
      insert.setDouble(8, ride.dropoff().lat());
      insert.setDouble(9, ride.dropoff().lon());
      insert.setObject(10, ride.requestedAt().atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  static Optional<Ride> find(Connection c, UUID id) throws SQLException {
    return select(c, "SELECT " + COLUMNS + " FROM rides WHERE id = ?", id);
  }

  /** Finds the ride and locks its row, so that two cancellations of one ride are serialised. */
  static Optional<Ride> findForUpdate(Connection c, UUID id) throws SQLException {
    return select(c, "SELECT " + COLUMNS + " FROM rides WHERE id = ? FOR UPDATE", id);
  }

  static void setStatus(Connection c, UUID id, RideStatus status) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE rides SET status = ?, updated_at = now() WHERE id = ?")) {
      update.setString(1, status.name());
      update.setObject(2, id);
      update.executeUpdate();
    }
  }

  private static Optional<Ride> select(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Ride(
                row.getObject("id", UUID.class),
                row.getString("rider_id"),
                RideStatus.valueOf(row.getString("status")),
                row.getObject("vehicle_id", UUID.class),
                row.getInt("eta_seconds"),
                new Location(row.getDouble("pickup_lat"), row.getDouble("pickup_lon")),
                new Location(row.getDouble("dropoff_lat"), row.getDouble("dropoff_lon")),
                row.getObject("created_at", OffsetDateTime.class).toInstant()));
      }
    }
  }
}
