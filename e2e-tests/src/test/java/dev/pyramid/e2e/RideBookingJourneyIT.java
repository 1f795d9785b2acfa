package dev.pyramid.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.InProcessOnly;
import dev.pyramid.framework.api.Smoke;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.RoutingStubs;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rider books and looks up a ride through the public API: api-gateway, fleet-core, PostgreSQL,
 * with WireMock standing in for the third-party routing API. Each test works at a station of its
 * own, so the tests run concurrently and against a deployed environment.
 */
@EndToEndTest
@Smoke
@WithFleetPlatform
class RideBookingJourneyIT {

  private RequestSpecification gateway;
  private FleetStates states;

  @BeforeEach
  void connect(PlatformEndpoints platform, FleetStates states) {
    this.gateway = platform.gatewayApi().build();
    this.states = states;
  }

  @Test
  void rider_books_a_ride_near_the_station_and_looks_it_up() {
    Place station = Stations.isolated("booking");
    Map<String, Object> vehicle =
        states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station));

    String rideId =
        RestAssured.given(gateway)
            .body(Rides.request("rider-e2e-1", station))
            .post("/v1/rides")
            .then()
            .statusCode(201)
            .body("status", equalTo("ASSIGNED"))
            .body("vehicleId", equalTo(vehicle.get("vehicleId")))
            .body("etaSeconds", greaterThanOrEqualTo(0))
            .extract()
            .path("id");

    RestAssured.given(gateway)
        .get("/v1/rides/{id}", rideId)
        .then()
        .statusCode(200)
        .body("id", equalTo(rideId))
        .body("riderId", equalTo("rider-e2e-1"))
        .body("status", equalTo("ASSIGNED"));
  }

  @Test
  @InProcessOnly(
      "stubs the routing API's ETA inside this JVM; a deployed environment's routing API is real")
  void the_ride_carries_the_routing_apis_eta(StubServer routing) {
    Place station = Stations.isolated("eta");
    states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station));
    RoutingStubs.eta(routing, 180, station);

    RestAssured.given(gateway)
        .body(Rides.request("rider-e2e-eta", station))
        .post("/v1/rides")
        .then()
        .statusCode(201)
        .body("etaSeconds", equalTo(180));
  }

  @Test
  void a_rider_sending_credentials_of_its_own_still_books_with_the_api_key(
      PlatformEndpoints platform) {
    Place station = Stations.isolated("credentials");
    states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station));
    // A bearer token and password-like body fields the gateway ignores: the secret scan after
    // this layer checks that none of them reached any report.
    RequestSpecification withCredentials =
        platform.gatewayApi().bearerToken("bearer-" + UUID.randomUUID()).build();
    String body =
        Rides.request("rider-e2e-credentials", station)
            .replaceFirst(
                "\\}$",
                ",\"password\":\"pw-"
                    + UUID.randomUUID()
                    + "\",\"paymentToken\":\"pay-"
                    + UUID.randomUUID()
                    + "\"}");

    RestAssured.given(withCredentials)
        .body(body)
        .post("/v1/rides")
        .then()
        .statusCode(201)
        .body("status", equalTo("ASSIGNED"));
  }
}
