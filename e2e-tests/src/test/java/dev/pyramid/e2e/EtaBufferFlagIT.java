package dev.pyramid.e2e;

import static org.hamcrest.Matchers.equalTo;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.FeatureFlags;
import dev.pyramid.framework.api.FlagStates;
import dev.pyramid.framework.api.Smoke;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.framework.api.WithFlags;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.RoutingStubs;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import dev.pyramid.platform.fleetcore.flags.FleetFlags;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * fleet-core's {@code eta-buffer} flag, read through OpenFeature: a ride's ETA is the routing
 * API's, plus a buffer while the flag is on. Skipped against a deployed environment, whose flags
 * are its own.
 */
@EndToEndTest
@Smoke
@WithFleetPlatform
class EtaBufferFlagIT {
  private static final int ROUTING_ETA = 180;

  private static void bookAndExpectEta(
      PlatformEndpoints platform,
      FleetStates states,
      StubServer routing,
      String rider,
      int expected) {
    Place station = Stations.isolated(rider);
    states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station));
    RoutingStubs.eta(routing, ROUTING_ETA, station);

    RestAssured.given(platform.gatewayApi().build())
        .body(Rides.request(rider, station))
        .post("/v1/rides")
        .then()
        .statusCode(201)
        .body("etaSeconds", equalTo(expected));
  }

  @FlagStates(
      flag = FleetFlags.ETA_BUFFER,
      values = {"on", "off"})
  void the_eta_includes_the_buffer_only_while_the_flag_is_on(
      FeatureFlags flags, PlatformEndpoints platform, FleetStates states, StubServer routing) {
    boolean on = flags.get(FleetFlags.ETA_BUFFER).orElseThrow().equals("on");

    bookAndExpectEta(
        platform,
        states,
        routing,
        "rider-flag-" + (on ? "on" : "off"),
        ROUTING_ETA + (on ? FleetFlags.ETA_BUFFER_SECONDS : 0));
  }

  @Test
  @WithFlags(FleetFlags.ETA_BUFFER + "=on")
  void a_test_turns_the_buffer_on_for_itself(
      PlatformEndpoints platform, FleetStates states, StubServer routing) {
    bookAndExpectEta(
        platform,
        states,
        routing,
        "rider-flag-annotated",
        ROUTING_ETA + FleetFlags.ETA_BUFFER_SECONDS);
  }
}
