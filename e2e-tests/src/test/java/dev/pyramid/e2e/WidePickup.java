package dev.pyramid.e2e;

import static org.hamcrest.Matchers.equalTo;

import dev.pyramid.framework.api.StubServer;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.RoutingStubs;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fleetcore.flags.FleetFlags;
import io.restassured.RestAssured;

/**
 * The journey the flags {@code wide-pickup} and {@code eta-buffer} change: a rider books at a
 * station of its own whose only vehicle is 15 km away, beyond fleet-core's usual 10 km and within
 * twice that.
 */
final class WidePickup {
  static final int ROUTING_ETA = 900;
  private static final int VEHICLE_METRES = 15_000;
  // The state parks its vehicle 300 m north of the place it is given.
  private static final int STATE_OFFSET_METRES = 300;

  private WidePickup() {}

  /**
   * Books for {@code rider}: assigned, with the routing API's ETA plus the buffer when {@code
   * buffer}, when {@code wide}; else refused, no vehicle being in range.
   */
  static void bookAndExpect(
      PlatformEndpoints platform,
      FleetStates states,
      StubServer routing,
      String rider,
      boolean wide,
      boolean buffer) {
    Place station = Stations.isolated(rider);
    states.establish(
        FleetStates.VEHICLE_AVAILABLE_NEAR_STATION,
        Rides.at(station.north(VEHICLE_METRES - STATE_OFFSET_METRES)));
    RoutingStubs.eta(routing, ROUTING_ETA, station);

    var response =
        RestAssured.given(platform.gatewayApi().build())
            .body(Rides.request(rider, station))
            .post("/v1/rides")
            .then();
    if (wide) {
      response
          .statusCode(201)
          .body("etaSeconds", equalTo(ROUTING_ETA + (buffer ? FleetFlags.ETA_BUFFER_SECONDS : 0)));
    } else {
      response.statusCode(409).body("error", equalTo("no_vehicle_available"));
    }
  }
}
