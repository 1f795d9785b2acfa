package dev.pyramid.platform.fleetcore.vehicles;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A vehicle and its distance from the place asked about, served as the vehicle's fields plus {@code
 * distanceKm}.
 */
public record VehicleNearby(@JsonUnwrapped Vehicle vehicle, double distanceKm) {}
