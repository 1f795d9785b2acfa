package dev.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.pyramid.framework.api.ApiSpecs;
import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.InProcessOnly;
import dev.pyramid.framework.api.Smoke;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformDocuments;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.RoutingStubs;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the public API answers when a ride cannot be booked. */
@EndToEndTest
@Smoke
@WithFleetPlatform
class RideFailuresIT {

  private RequestSpecification gateway;
  private FleetStates states;

  @BeforeEach
  void connect(PlatformEndpoints platform, FleetStates states) {
    this.gateway = platform.gatewayApi().build();
    this.states = states;
  }

  @Test
  @InProcessOnly(
      "stubs the routing API to fail inside this JVM; a deployed environment's routing API is real")
  void a_failing_routing_api_leaves_the_vehicle_available(StubServer routing) {
    Place station = Stations.isolated("routing down");
    Map<String, Object> vehicle =
        states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station));
    var outage = RoutingStubs.failing(routing, station);

    RestAssured.given(gateway)
        .body(Rides.request("rider-e2e-3", station))
        .post("/v1/rides")
        .then()
        .statusCode(502)
        .body("error", equalTo("routing_unavailable"));

    routing.remove(outage);
    String vehicleId =
        RestAssured.given(gateway)
            .body(Rides.request("rider-e2e-3", station))
            .post("/v1/rides")
            .then()
            .statusCode(201)
            .extract()
            .path("vehicleId");
    assertThat(vehicleId).isEqualTo(vehicle.get("vehicleId"));
  }

  @Test
  void no_vehicle_nearby_is_a_conflict_not_an_error() {
    Place station = Stations.isolated("no vehicle");
    Map<String, Object> nowhere =
        states.establish(FleetStates.NO_VEHICLE_AVAILABLE, Rides.at(station));
    Place pickup =
        new Place("pickup", (double) nowhere.get("pickupLat"), (double) nowhere.get("pickupLon"));

    RestAssured.given(gateway)
        .body(Rides.request("rider-e2e-4", pickup))
        .post("/v1/rides")
        .then()
        .statusCode(409)
        .body("error", equalTo("no_vehicle_available"))
        .body("message", notNullValue());
  }

  @Test
  void an_invalid_request_names_the_field(PlatformEndpoints platform) {
    RestAssured.given(
            platform
                .gatewayApi()
                .expectingInvalidRequest("pickup.lat 123 is outside [-90, 90]")
                .build())
        .body(
            "{\"riderId\":\"rider-e2e-5\",\"pickup\":{\"lat\":123.0,\"lon\":13.4},"
                + "\"dropoff\":{\"lat\":52.5,\"lon\":13.4}}")
        .post("/v1/rides")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_request"))
        .body("field", notNullValue());
  }

  @Test
  void the_public_api_refuses_a_request_without_an_api_key(PlatformEndpoints platform) {
    RestAssured.given(
            ApiSpecs.forBaseUri(platform.gatewayUrl())
                .openApi(PlatformDocuments.GATEWAY)
                .expectingInvalidRequest("no X-Api-Key header")
                .build())
        .body(Rides.request("rider-e2e-6", Stations.isolated("no key")))
        .post("/v1/rides")
        .then()
        .statusCode(401)
        .body("error", equalTo("unauthorized"));
  }
}
