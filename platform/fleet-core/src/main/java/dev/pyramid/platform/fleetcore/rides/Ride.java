package dev.pyramid.platform.fleetcore.rides;

import dev.pyramid.platform.fleetcore.geo.Location;
import java.util.Objects;
import java.util.UUID;

/** A ride, as stored and as served by the API. */
public record Ride(
    UUID id,
    String riderId,
    RideStatus status,
    UUID vehicleId,
    int etaSeconds,
    Location pickup,
    Location dropoff) {

  public Ride {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(riderId, "riderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(vehicleId, "vehicleId");
    Objects.requireNonNull(pickup, "pickup");
    Objects.requireNonNull(dropoff, "dropoff");
  }

  Ride withStatus(RideStatus newStatus) {
    return new Ride(id, riderId, newStatus, vehicleId, etaSeconds, pickup, dropoff);
  }
}
