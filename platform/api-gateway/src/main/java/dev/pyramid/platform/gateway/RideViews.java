package dev.pyramid.platform.gateway;

import dev.pyramid.platform.gateway.client.FleetCoreException;
import dev.pyramid.platform.gateway.client.Location;
import dev.pyramid.platform.gateway.client.Ride;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How each version of the public API writes a ride. The operations behind them are the same
 * (fleet-core's); only the representation differs, so a version is a view, not a copy of a route.
 */
final class RideViews {

  private RideViews() {}

  /** {@code /v1}: the ETA as a number of seconds, exactly as the first clients read it. */
  record RideV1(
      String id,
      String riderId,
      String status,
      String vehicleId,
      int etaSeconds,
      Location pickup,
      Location dropoff) {}

  /** {@code /v2}: the ETA as an object; {@code etaSeconds} is gone, which is why it is /v2. */
  record RideV2(
      String id,
      String riderId,
      String status,
      String vehicleId,
      Eta eta,
      Location pickup,
      Location dropoff) {}

  /**
   * When the vehicle is expected at the pickup: {@code pickupAt} stays true when the ride is read
   * later, which a number of seconds alone did not.
   */
  record Eta(int seconds, String pickupAt) {}

  static RideV1 v1(Ride ride) {
    return new RideV1(
        ride.id(),
        ride.riderId(),
        ride.status(),
        ride.vehicleId(),
        ride.etaSeconds(),
        ride.pickup(),
        ride.dropoff());
  }

  /**
   * @throws FleetCoreException of error {@link FleetCoreException#INVALID_RESPONSE} when fleet-core
   *     did not say when the ride was requested: /v2 cannot be answered without it
   */
  static RideV2 v2(Ride ride) {
    Instant requestedAt;
    try {
      requestedAt = Instant.parse(String.valueOf(ride.requestedAt()));
    } catch (DateTimeParseException e) {
      throw new FleetCoreException(
          200,
          FleetCoreException.INVALID_RESPONSE,
          "fleet-core's ride "
              + ride.id()
              + " has no readable requestedAt ('"
              + ride.requestedAt()
              + "'), which /v2 needs for eta.pickupAt");
    }
    Eta eta = new Eta(ride.etaSeconds(), requestedAt.plusSeconds(ride.etaSeconds()).toString());
    return new RideV2(
        ride.id(),
        ride.riderId(),
        ride.status(),
        ride.vehicleId(),
        eta,
        ride.pickup(),
        ride.dropoff());
  }
}
