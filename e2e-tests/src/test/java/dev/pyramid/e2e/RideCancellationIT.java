package dev.pyramid.e2e;

import static org.hamcrest.Matchers.equalTo;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.Smoke;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rider cancels: the ride is cancelled once, and its vehicle serves the next rider. */
@EndToEndTest
@Smoke
@WithFleetPlatform
class RideCancellationIT {

  @Test
  void cancelling_a_ride_frees_the_vehicle_for_the_next_rider(
      PlatformEndpoints platform, FleetStates states) {
    RequestSpecification gateway = platform.gatewayApi().build();
    Place station = Stations.isolated("cancellation");
    Map<String, Object> assigned =
        states.establish(FleetStates.RIDE_ASSIGNED, Rides.pickupAt(station));

    RestAssured.given(gateway)
        .post("/v1/rides/{id}/cancel", assigned.get("rideId"))
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));

    RestAssured.given(gateway)
        .body(Rides.request("rider-e2e-2", station))
        .post("/v1/rides")
        .then()
        .statusCode(201)
        .body("vehicleId", equalTo(assigned.get("vehicleId")));
  }

  @Test
  void a_cancelled_ride_cannot_be_cancelled_again(PlatformEndpoints platform, FleetStates states) {
    RequestSpecification gateway = platform.gatewayApi().build();
    Map<String, Object> assigned =
        states.establish(FleetStates.RIDE_ASSIGNED, Rides.pickupAt(Stations.isolated("twice")));
    RestAssured.given(gateway)
        .post("/v1/rides/{id}/cancel", assigned.get("rideId"))
        .then()
        .statusCode(200);

    RestAssured.given(gateway)
        .post("/v1/rides/{id}/cancel", assigned.get("rideId"))
        .then()
        .statusCode(409);
  }
}
