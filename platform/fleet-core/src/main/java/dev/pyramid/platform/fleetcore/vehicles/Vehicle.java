package dev.pyramid.platform.fleetcore.vehicles;

import dev.pyramid.platform.fleetcore.geo.Location;
import java.util.Objects;
import java.util.UUID;

/** A vehicle of the fleet, as stored and as served by the API. */
public record Vehicle(UUID id, String plate, Location location, VehicleStatus status) {

  public Vehicle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(plate, "plate");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(status, "status");
  }
}
