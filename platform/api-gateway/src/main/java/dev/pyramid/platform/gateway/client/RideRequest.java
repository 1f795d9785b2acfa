package dev.pyramid.platform.gateway.client;

/** What fleet-core needs to assign a ride. */
public record RideRequest(String riderId, Location pickup, Location dropoff) {}
