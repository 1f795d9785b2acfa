package dev.pyramid.platform.gateway.client;

/** A ride as fleet-core reports it; {@code status} is {@code ASSIGNED} or {@code CANCELLED}. */
public record Ride(
    String id,
    String riderId,
    String status,
    String vehicleId,
    int etaSeconds,
    Location pickup,
    Location dropoff) {}
