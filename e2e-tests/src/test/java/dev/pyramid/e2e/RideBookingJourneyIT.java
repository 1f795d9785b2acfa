package dev.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.pyramid.framework.api.ApiSpecs;
import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.RoutingStubs;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rider books, looks up and cancels a ride through the public API: api-gateway, fleet-core,
 * PostgreSQL, with WireMock standing in for the third-party routing API.
 */
@EndToEndTest
@WithFleetPlatform
class RideBookingJourneyIT {

  private RequestSpecification gateway;
  private FleetStates states;

  @BeforeEach
  void connect(PlatformEndpoints platform) {
    gateway = ApiSpecs.forBaseUri(platform.gatewayUrl()).apiKey(platform.apiKey()).build();
    states = FleetStates.on(platform.fleetCoreUrl());
  }

  @Test
  void rider_books_a_ride_near_the_station_and_gets_the_routing_eta(StubServer routing) {
    Map<String, Object> vehicle = states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Map.of());
    RoutingStubs.eta(routing, 180);

    String rideId = RestAssured.given(gateway)
        .body(rideRequest("rider-e2e-1"))
        .post("/v1/rides")
        .then()
        .statusCode(201)
        .body("status", equalTo("ASSIGNED"))
        .body("vehicleId", equalTo(vehicle.get("vehicleId")))
        .body("etaSeconds", equalTo(180))
        .extract().path("id");

    RestAssured.given(gateway)
        .get("/v1/rides/{id}", rideId)
        .then()
        .statusCode(200)
        .body("id", equalTo(rideId))
        .body("riderId", equalTo("rider-e2e-1"))
        .body("status", equalTo("ASSIGNED"));
  }

  @Test
  void cancelling_a_ride_frees_the_vehicle_for_the_next_rider() {
    Map<String, Object> assigned = states.establish(FleetStates.RIDE_ASSIGNED, Map.of());

    RestAssured.given(gateway)
        .post("/v1/rides/{id}/cancel", assigned.get("rideId"))
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));

    RestAssured.given(gateway)
        .body(rideRequest("rider-e2e-2"))
        .post("/v1/rides")
        .then()
        .statusCode(201)
        .body("vehicleId", equalTo(assigned.get("vehicleId")));
  }

  @Test
  void a_failing_routing_api_leaves_the_vehicle_available(StubServer routing) {
    Map<String, Object> vehicle = states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Map.of());
    RoutingStubs.failing(routing);

    RestAssured.given(gateway)
        .body(rideRequest("rider-e2e-3"))
        .post("/v1/rides")
        .then()
        .statusCode(502)
        .body("error", equalTo("routing_unavailable"));

    RoutingStubs.eta(routing, 240);
    String vehicleId = RestAssured.given(gateway)
        .body(rideRequest("rider-e2e-3"))
        .post("/v1/rides")
        .then()
        .statusCode(201)
        .extract().path("vehicleId");
    assertThat(vehicleId).isEqualTo(vehicle.get("vehicleId"));
  }

  @Test
  void no_vehicle_nearby_is_a_conflict_not_an_error() {
    states.establish(FleetStates.NO_VEHICLE_AVAILABLE, Map.of());

    RestAssured.given(gateway)
        .body(rideRequest("rider-e2e-4"))
        .post("/v1/rides")
        .then()
        .statusCode(409)
        .body("error", equalTo("no_vehicle_available"))
        .body("message", notNullValue());
  }

  @Test
  void an_invalid_request_names_the_field() {
    RestAssured.given(gateway)
        .body("{\"riderId\":\"rider-e2e-5\",\"pickup\":{\"lat\":123.0,\"lon\":13.4},"
            + "\"dropoff\":{\"lat\":52.5,\"lon\":13.4}}")
        .post("/v1/rides")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_request"))
        .body("field", notNullValue());
  }

  @Test
  void the_public_api_refuses_a_request_without_an_api_key(PlatformEndpoints platform) {
    RestAssured.given(ApiSpecs.forBaseUri(platform.gatewayUrl()).build())
        .body(rideRequest("rider-e2e-6"))
        .post("/v1/rides")
        .then()
        .statusCode(401)
        .body("error", equalTo("unauthorized"));
  }

  private static String rideRequest(String riderId) {
    return String.format(java.util.Locale.ROOT,
        "{\"riderId\":\"%s\",\"pickup\":{\"lat\":%s,\"lon\":%s},\"dropoff\":{\"lat\":52.5163,\"lon\":13.3777}}",
        riderId, Stations.CENTRAL.lat(), Stations.CENTRAL.lon());
  }
}
