package dev.pyramid.e2e;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.FeatureFlags;
import dev.pyramid.framework.api.FlagMatrix;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import dev.pyramid.platform.fleetcore.flags.FleetFlags;

/**
 * fleet-core's {@code wide-pickup} flag, in every combination with {@code eta-buffer}: a vehicle
 * beyond the usual pickup distance is assigned only while wide-pickup is on, and the ETA then
 * carries the buffer only while eta-buffer is on.
 */
@EndToEndTest
@WithFleetPlatform
class WidePickupFlagIT {

  @FlagMatrix(
      flags = {
        @FlagMatrix.Flag(name = FleetFlags.WIDE_PICKUP),
        @FlagMatrix.Flag(name = FleetFlags.ETA_BUFFER)
      })
  void a_vehicle_beyond_the_usual_distance_is_assigned_only_with_wide_pickup(
      FeatureFlags flags, PlatformEndpoints platform, FleetStates states, StubServer routing) {
    boolean wide = flags.get(FleetFlags.WIDE_PICKUP).orElseThrow().equals("on");
    boolean buffer = flags.get(FleetFlags.ETA_BUFFER).orElseThrow().equals("on");

    WidePickup.bookAndExpect(
        platform,
        states,
        routing,
        "rider-wide-" + (wide ? "on" : "off") + "-buffer-" + (buffer ? "on" : "off"),
        wide,
        buffer);
  }
}
