package dev.pyramid.platform.fleetcore.vehicles;

/** Whether a vehicle can take a ride. */
public enum VehicleStatus {
  AVAILABLE,
  ASSIGNED
}
