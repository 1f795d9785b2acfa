package dev.pyramid.platform.fleetcore.vehicles;

import dev.pyramid.platform.fleetcore.geo.Location;
import dev.pyramid.platform.fleetcore.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Vehicle rows in PostgreSQL. Stateless apart from the database; thread-safe. */
public final class VehicleRepository {

  private static final String COLUMNS = "id, plate, lat, lon, status";

  private final Database database;

  public VehicleRepository(Database database) {
    this.database = database;
  }

  /** Stores a new, available vehicle. */
  public Vehicle register(String plate, Location location) {
    Vehicle vehicle = new Vehicle(UUID.randomUUID(), plate, location, VehicleStatus.AVAILABLE);
    return database.inTransaction(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO vehicles (id, plate, lat, lon, status) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, vehicle.id());
            insert.setString(2, vehicle.plate());
            insert.setDouble(3, location.lat());
            insert.setDouble(4, location.lon());
            insert.setString(5, vehicle.status().name());
            insert.executeUpdate();
          }
          return vehicle;
        });
  }

  /** The vehicle with {@code id}, if there is one. */
  public Optional<Vehicle> find(UUID id) {
    return database.inTransaction(c -> find(c, id));
  }

  static Optional<Vehicle> find(Connection c, UUID id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM vehicles WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  /** Every vehicle within {@code km} of {@code place}, whatever its status, nearest first. */
  public List<VehicleNearby> near(Location place, double km) {
    return database.inTransaction(
        c -> NearestVehicle.allWithin(inLatitudeBand(c, place, km, false), place, km));
  }

  /**
   * Available vehicles that may lie within {@code km} of {@code pickup}: a latitude band, which
   * contains every vehicle within that distance; the exact distance is for {@link NearestVehicle}.
   * Nothing is locked.
   */
  public static List<Vehicle> availableNear(Connection c, Location pickup, double km)
      throws SQLException {
    return inLatitudeBand(c, pickup, km, true);
  }

  private static List<Vehicle> inLatitudeBand(
      Connection c, Location place, double km, boolean availableOnly) throws SQLException {
    double span = Location.latitudeSpanDegrees(km);
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM vehicles WHERE lat BETWEEN ? AND ?"
                + (availableOnly ? " AND status = 'AVAILABLE'" : ""))) {
      select.setDouble(1, place.lat() - span);
      select.setDouble(2, place.lat() + span);
      try (ResultSet rows = select.executeQuery()) {
        List<Vehicle> vehicles = new ArrayList<>();
        while (rows.next()) {
          vehicles.add(read(rows));
        }
        return vehicles;
      }
    }
  }

  /**
   * Locks the vehicle's row for the rest of the transaction if it is still available and no other
   * transaction holds it; answers whether it did. Skipping locked rows instead of waiting lets a
   * concurrent request move on to the next-nearest vehicle.
   */
  public static boolean lockIfAvailable(Connection c, UUID id) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT id FROM vehicles WHERE id = ? AND status = 'AVAILABLE' FOR UPDATE SKIP LOCKED")) {
      lock.setObject(1, id);
      try (ResultSet rows = lock.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Sets the vehicle's status; the caller's transaction should hold its row lock. */
  public static void setStatus(Connection c, UUID id, VehicleStatus status) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE vehicles SET status = ? WHERE id = ?")) {
      update.setString(1, status.name());
      update.setObject(2, id);
      if (update.executeUpdate() != 1) {
        throw new SQLException("Vehicle " + id + " does not exist");
      }
    }
  }

  private static Vehicle read(ResultSet row) throws SQLException {
    return new Vehicle(
        row.getObject("id", UUID.class),
        row.getString("plate"),
        new Location(row.getDouble("lat"), row.getDouble("lon")),
        VehicleStatus.valueOf(row.getString("status")));
  }
}
