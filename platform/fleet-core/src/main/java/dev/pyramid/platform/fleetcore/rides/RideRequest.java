package dev.pyramid.platform.fleetcore.rides;

import dev.pyramid.platform.fleetcore.geo.Location;
import java.util.Objects;

/** A rider asking to be taken from {@code pickup} to {@code dropoff}. */
public record RideRequest(String riderId, Location pickup, Location dropoff) {

  public RideRequest {
    Objects.requireNonNull(riderId, "riderId");
    Objects.requireNonNull(pickup, "pickup");
    Objects.requireNonNull(dropoff, "dropoff");
  }
}
