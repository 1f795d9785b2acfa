package dev.pyramid.platform.gateway.client;

/** What fleet-core needs to register a vehicle. */
public record VehicleRegistration(String plate, Location location) {}
