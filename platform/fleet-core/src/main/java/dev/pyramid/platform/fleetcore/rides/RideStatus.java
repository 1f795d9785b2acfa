package dev.pyramid.platform.fleetcore.rides;

/** Where a ride stands. */
public enum RideStatus {
  ASSIGNED,
  CANCELLED
}
