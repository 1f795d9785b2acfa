package dev.pyramid.contracts.provider;

import au.com.dius.pact.provider.junitsupport.State;
import dev.pyramid.platform.fixtures.FleetStates;
import java.net.URI;
import java.util.Map;

/**
 * Binds the pact's provider states to fleet-fixtures' named states. Pact finds handlers by
 * annotation, so each state needs a method here; each one only delegates, so a state is
 * still set up in one place.
 */
final class FleetProviderStates {

  private final FleetStates states;

  FleetProviderStates(URI fleetCoreUrl) {
    this.states = FleetStates.on(fleetCoreUrl);
  }

  @State(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION)
  Map<String, Object> vehicleAvailableNearStation(Map<String, Object> params) {
    return states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, params);
  }

  @State(FleetStates.NO_VEHICLE_AVAILABLE)
  Map<String, Object> noVehicleAvailable(Map<String, Object> params) {
    return states.establish(FleetStates.NO_VEHICLE_AVAILABLE, params);
  }

  @State(FleetStates.RIDE_ASSIGNED)
  Map<String, Object> rideAssigned(Map<String, Object> params) {
    return states.establish(FleetStates.RIDE_ASSIGNED, params);
  }
}
