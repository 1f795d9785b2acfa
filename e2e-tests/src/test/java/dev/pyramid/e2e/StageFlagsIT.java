package dev.pyramid.e2e;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.StageFlagStates;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import dev.pyramid.platform.fleetcore.flags.FleetFlags;
import java.util.List;

/**
 * The platform with the flags each stage runs (its file, through flagd, targeting included): a
 * pilot rider and another book, and each is served as the stage's file says for that rider. These
 * runs are what the gate's {@code stage-flags-tested} asks for: what the stage will run was tested.
 */
@EndToEndTest
@WithFleetPlatform
class StageFlagsIT {
  private static final List<String> RIDERS = List.of("rider-pilot-1", "rider-not-in-any-pilot");

  @StageFlagStates
  void each_rider_is_served_as_the_stages_flag_file_says(
      PlatformEndpoints platform, FleetStates states, StubServer routing) {
    Client stage = OpenFeatureAPI.getInstance().getClient("stage-flags-it");
    for (String rider : RIDERS) {
      ImmutableContext context = new ImmutableContext(rider);
      boolean wide = stage.getBooleanValue(FleetFlags.WIDE_PICKUP, false, context);
      boolean buffer = stage.getBooleanValue(FleetFlags.ETA_BUFFER, false, context);

      WidePickup.bookAndExpect(platform, states, routing, rider, wide, buffer);
    }
  }
}
