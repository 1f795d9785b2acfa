package dev.pyramid.platform.gateway.client;

/** A point in decimal degrees, as fleet-core reads and writes it. */
public record Location(double lat, double lon) {}
