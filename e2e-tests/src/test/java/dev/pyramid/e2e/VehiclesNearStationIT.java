package dev.pyramid.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * What the operators' dashboard shows around a station, through the public API: every vehicle in
 * the radius, nearest first, with its status; each exchange held to both OpenAPI documents.
 */
@EndToEndTest
@WithFleetPlatform
class VehiclesNearStationIT {

  @Test
  void a_station_lists_its_vehicles_nearest_first_and_shows_which_one_is_booked(
      PlatformEndpoints platform, FleetStates states) {
    RequestSpecification gateway = platform.gatewayApi().build();
    Place station = Stations.isolated("vehicles near");
    Object farther =
        states
            .establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station.north(2000)))
            .get("vehicleId");
    Object nearer =
        states
            .establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station.north(500)))
            .get("vehicleId");
    RestAssured.given(gateway)
        .body(Rides.request("rider-e2e-near", station))
        .post("/v2/rides")
        .then()
        .statusCode(201)
        .body("vehicleId", equalTo(nearer));

    RestAssured.given(gateway)
        .queryParam("lat", station.lat())
        .queryParam("lon", station.lon())
        .queryParam("radiusKm", 3)
        .get("/v1/vehicles")
        .then()
        .statusCode(200)
        .body("vehicles.id", contains(nearer, farther))
        .body("vehicles.status", contains("ASSIGNED", "AVAILABLE"));

    RestAssured.given(gateway)
        .queryParam("lat", station.lat())
        .queryParam("lon", station.lon())
        .queryParam("radiusKm", 0.1)
        .get("/v1/vehicles")
        .then()
        .statusCode(200)
        .body("vehicles", empty());
  }
}
