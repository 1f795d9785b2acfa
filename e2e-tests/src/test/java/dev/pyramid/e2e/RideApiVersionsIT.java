package dev.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

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
import dev.pyramid.platform.fleetcore.FleetCoreApp;
import dev.pyramid.platform.gateway.GatewayApp;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public API's two versions of rides side by side: /v2 answers the ETA as an object, /v1 as it
 * always did, over the same rides. Every exchange is validated against the gateway's document.
 */
@EndToEndTest
@WithFleetPlatform
class RideApiVersionsIT {

  private RequestSpecification gateway;
  private FleetStates states;

  @BeforeEach
  void connect(PlatformEndpoints platform, FleetStates states) {
    this.gateway = platform.gatewayApi().build();
    this.states = states;
  }

  @Test
  @Smoke
  @InProcessOnly(
      "stubs the routing API's ETA inside this JVM; a deployed environment's routing API is real")
  void v2_answers_when_the_vehicle_is_expected_at_the_pickup(StubServer routing) {
    Place station = Stations.isolated("v2 eta");
    states.establish(FleetStates.VEHICLE_AVAILABLE_NEAR_STATION, Rides.at(station));
    RoutingStubs.eta(routing, 240, station);
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    ExtractableResponse<Response> booked =
        RestAssured.given(gateway)
            .body(Rides.request("rider-v2-eta", station))
            .post("/v2/rides")
            .then()
            .statusCode(201)
            .body("eta.seconds", equalTo(240))
            .body("$", not(hasKey("etaSeconds")))
            .extract();
    Instant pickupAt = Instant.parse(booked.path("eta.pickupAt"));

    assertThat(pickupAt).isBetween(before.plusSeconds(240), Instant.now().plusSeconds(240));
    // Read later, the pickup time is the same: that is what /v2 changed the ETA for.
    RestAssured.given(gateway)
        .get("/v2/rides/{id}", booked.<String>path("id"))
        .then()
        .statusCode(200)
        .body("eta.pickupAt", equalTo(booked.path("eta.pickupAt")));
  }

  @Test
  @Smoke
  void one_ride_reads_the_same_in_v1_and_v2() {
    Map<String, Object> ride =
        states.establish(FleetStates.RIDE_ASSIGNED, Rides.pickupAt(Stations.isolated("v1 v2")));

    ExtractableResponse<Response> v1 =
        RestAssured.given(gateway)
            .get("/v1/rides/{id}", ride.get("rideId"))
            .then()
            .statusCode(200)
            .body("$", not(hasKey("eta")))
            .extract();
    ExtractableResponse<Response> v2 =
        RestAssured.given(gateway)
            .get("/v2/rides/{id}", ride.get("rideId"))
            .then()
            .statusCode(200)
            .extract();

    assertThat(v2.<Integer>path("eta.seconds")).isEqualTo(v1.<Integer>path("etaSeconds"));
    assertThat(v2.<String>path("vehicleId")).isEqualTo(v1.<String>path("vehicleId"));
    assertThat(v2.<String>path("status")).isEqualTo(v1.<String>path("status"));
  }

  @Test
  @Smoke
  void a_ride_booked_in_v1_is_cancelled_in_v2() {
    Map<String, Object> ride =
        states.establish(FleetStates.RIDE_ASSIGNED, Rides.pickupAt(Stations.isolated("v1 to v2")));

    RestAssured.given(gateway)
        .post("/v2/rides/{id}/cancel", ride.get("rideId"))
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    RestAssured.given(gateway)
        .get("/v1/rides/{id}", ride.get("rideId"))
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
  }

  // Not smoke: it holds this build's services to this build's documents, which a stage's older
  // build does not serve.
  @Test
  void each_service_serves_the_document_its_traffic_is_validated_against(
      PlatformEndpoints platform) {
    assertServes(platform.gatewayApi().build(), GatewayApp.OPENAPI_DOCUMENT);
    assertServes(platform.fleetCoreApi().build(), FleetCoreApp.OPENAPI_DOCUMENT);
  }

  private static void assertServes(RequestSpecification service, String resource) {
    String served =
        RestAssured.given(service)
            .accept("application/yaml")
            .get("/openapi.yaml")
            .then()
            .statusCode(200)
            .contentType("application/yaml")
            .extract()
            .asString();
    assertThat(served).as("GET /openapi.yaml").isEqualTo(read(resource));
  }

  private static String read(String resource) {
    try (InputStream in = RideApiVersionsIT.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath:" + resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
