package dev.pyramid.platform.gateway.client;

/**
 * A ride as fleet-core reports it; {@code status} is {@code ASSIGNED} or {@code CANCELLED}.
 *
 * @param requestedAt when the ride was requested, ISO-8601 text; null if fleet-core did not say
 */
public record Ride(
    String id,
    String riderId,
    String status,
    String vehicleId,
    int etaSeconds,
    Location pickup,
    Location dropoff,
    String requestedAt) {}
