package dev.pyramid.platform.gateway.client;

/** A vehicle near the place asked about, as fleet-core reports it, with its distance from it. */
public record VehicleNearby(
    String id, String plate, Location location, String status, double distanceKm) {}
