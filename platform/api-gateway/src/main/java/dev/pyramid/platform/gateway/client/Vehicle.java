package dev.pyramid.platform.gateway.client;

/** A vehicle as fleet-core reports it; {@code status} is {@code AVAILABLE} or {@code ASSIGNED}. */
public record Vehicle(String id, String plate, Location location, String status) {}
