package dev.pyramid.platform.fleetcore.rides;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.pyramid.platform.fleetcore.flags.FleetFlags;
import dev.pyramid.platform.fleetcore.routing.RoutingClient;
import dev.pyramid.platform.fleetcore.routing.RoutingUnavailableException;
import dev.pyramid.platform.fleetcore.store.Database;
import dev.pyramid.platform.fleetcore.vehicles.NearestVehicle;
import dev.pyramid.platform.fleetcore.vehicles.Vehicle;
import dev.pyramid.platform.fleetcore.vehicles.VehicleRepository;
import dev.pyramid.platform.fleetcore.vehicles.VehicleStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests, looks up and cancels rides. Each operation is one database transaction, so a failure
 * part-way (the routing API, say) leaves nothing behind. Thread-safe.
 */
public final class RideService {

  private final Database database;
  private final RoutingClient routing;
  private final double maxPickupKm;
  private final Client flags;

  public RideService(Database database, RoutingClient routing, double maxPickupKm, Client flags) {
    this.database = database;
    this.routing = routing;
    this.maxPickupKm = maxPickupKm;
    this.flags = flags;
  }

  /**
   * Assigns the nearest available vehicle within the maximum pickup distance, with the routing
   * API's ETA from the vehicle to the pickup (plus a buffer when the flag {@code eta-buffer} is
   * on). The flag {@code wide-pickup}, on for a rider, doubles the distance for that rider.
   *
   * @throws RideException of kind {@code NO_VEHICLE_AVAILABLE} when no vehicle is free in range
   * @throws RoutingUnavailableException when the routing API gives no ETA; nothing is stored then
   */
  public Ride request(RideRequest request) {
    return database.inTransaction(
        c -> {
          // Flags are evaluated per rider: a feature may be delivered to pilot customers first.
          EvaluationContext rider = new ImmutableContext(request.riderId());
          double reach =
              flags.getBooleanValue(FleetFlags.WIDE_PICKUP, false, rider)
                  ? maxPickupKm * FleetFlags.WIDE_PICKUP_FACTOR
                  : maxPickupKm;
          List<Vehicle> ranked =
              NearestVehicle.rankedWithin(
                  VehicleRepository.availableNear(c, request.pickup(), reach),
                  request.pickup(),
                  reach);
          // The first vehicle we manage to lock wins; ones a concurrent request holds are skipped.
          Vehicle chosen = null;
          for (Vehicle candidate : ranked) {
            if (VehicleRepository.lockIfAvailable(c, candidate.id())) {
              chosen = candidate;
              break;
            }
          }
          if (chosen == null) {
            throw new RideException(
                RideException.Kind.NO_VEHICLE_AVAILABLE,
                "No vehicle is available within " + reach + " km of the pickup");
          }
          int eta =
              routing.etaSeconds(chosen.location(), request.pickup())
                  + (flags.getBooleanValue(FleetFlags.ETA_BUFFER, false, rider)
                      ? FleetFlags.ETA_BUFFER_SECONDS
                      : 0);
          Ride ride =
              new Ride(
                  UUID.randomUUID(),
                  request.riderId(),
                  RideStatus.ASSIGNED,
                  chosen.id(),
                  eta,
                  request.pickup(),
                  request.dropoff(),
                  // Milliseconds: what the request answers is what a later read returns.
                  Instant.now().truncatedTo(ChronoUnit.MILLIS));
          VehicleRepository.setStatus(c, chosen.id(), VehicleStatus.ASSIGNED);
          RideRepository.insert(c, ride);
          return ride;
        });
  }

  /** The ride with {@code id}, if there is one. */
  public Optional<Ride> find(UUID id) {
    return database.inTransaction(c -> RideRepository.find(c, id));
  }

  /**
   * Cancels the ride and makes its vehicle available again.
   *
   * @throws RideException of kind {@code NOT_FOUND} or {@code NOT_CANCELLABLE} (already cancelled)
   */
  public Ride cancel(UUID id) {
    return database.inTransaction(
        c -> {
          Ride ride = RideRepository.findForUpdate(c, id).orElseThrow(() -> notFound(id));
          if (ride.status() != RideStatus.ASSIGNED) {
            throw new RideException(
                RideException.Kind.NOT_CANCELLABLE,
                "Ride " + id + " is " + ride.status() + " and cannot be cancelled");
          }
          RideRepository.setStatus(c, id, RideStatus.CANCELLED);
          VehicleRepository.setStatus(c, ride.vehicleId(), VehicleStatus.AVAILABLE);
          return ride.withStatus(RideStatus.CANCELLED);
        });
  }

  /** The refusal for an unknown ride id, worded once for every operation. */
  public static RideException notFound(Object id) {
    return new RideException(RideException.Kind.NOT_FOUND, "Ride " + id + " not found");
  }
}
