package dev.pyramid.platform.fleetcore.rides;

import dev.pyramid.platform.fleetcore.geo.Location;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A ride, as stored and as served by the API.
 *
 * @param etaSeconds seconds from {@code requestedAt} until the vehicle is expected at the pickup
 * @param requestedAt when the ride was requested (and its ETA estimated), to the millisecond
 */
public record Ride(
    UUID id,
    String riderId,
    RideStatus status,
    UUID vehicleId,
    int etaSeconds,
    Location pickup,
    Location dropoff,
    Instant requestedAt) {

  public Ride {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(riderId, "riderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(vehicleId, "vehicleId");
    Objects.requireNonNull(pickup, "pickup");
    Objects.requireNonNull(dropoff, "dropoff");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  Ride withStatus(RideStatus newStatus) {
    return new Ride(id, riderId, newStatus, vehicleId, etaSeconds, pickup, dropoff, requestedAt);
  }
}
