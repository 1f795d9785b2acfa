package dev.pyramid.platform.fleetcore.vehicles;

import dev.pyramid.platform.fleetcore.geo.Location;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses which vehicle serves a pickup: the nearest available one within the maximum pickup
 * distance. Pure functions, no I/O; the ride service locks the chosen row afterwards.
 */
public final class NearestVehicle {

  private NearestVehicle() {}

  /**
   * The available vehicles within {@code maxPickupKm} of {@code pickup}, nearest first; equal
   * distances are ordered by id so that the choice is deterministic.
   */
  public static List<Vehicle> rankedWithin(
      Collection<Vehicle> vehicles, Location pickup, double maxPickupKm) {
    return vehicles.stream()
        .filter(v -> v.status() == VehicleStatus.AVAILABLE)
        .filter(v -> v.location().distanceKmTo(pickup) <= maxPickupKm)
        .sorted(
            Comparator.<Vehicle>comparingDouble(v -> v.location().distanceKmTo(pickup))
                .thenComparing(Vehicle::id))
        .toList();
  }

  /**
   * Every vehicle within {@code km} of {@code place}, whatever its status, nearest first (then by
   * id): what an operator sees around a station.
   */
  public static List<VehicleNearby> allWithin(
      Collection<Vehicle> vehicles, Location place, double km) {
    return vehicles.stream()
        .map(v -> new VehicleNearby(v, v.location().distanceKmTo(place)))
        .filter(v -> v.distanceKm() <= km)
        .sorted(
            Comparator.comparingDouble(VehicleNearby::distanceKm)
                .thenComparing(v -> v.vehicle().id()))
        .toList();
  }

  /** The nearest available vehicle within {@code maxPickupKm}, or empty when there is none. */
  public static Optional<Vehicle> within(
      Collection<Vehicle> vehicles, Location pickup, double maxPickupKm) {
    return rankedWithin(vehicles, pickup, maxPickupKm).stream().findFirst();
  }
}
