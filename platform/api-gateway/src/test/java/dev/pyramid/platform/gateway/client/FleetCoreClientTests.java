package dev.pyramid.platform.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.platform.gateway.StubHttpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@UnitTest
class FleetCoreClientTests {

  private static final RideRequest REQUEST =
      new RideRequest("rider-1", new Location(52.53, 13.41), new Location(52.5, 13.3));

  private static final String RIDE_JSON =
      """
            {"id":"7f1c","riderId":"rider-1","status":"ASSIGNED","vehicleId":"v-1","etaSeconds":240,
             "pickup":{"lat":52.53,"lon":13.41},"dropoff":{"lat":52.5,"lon":13.3},
             "requestedAt":"2026-03-01T12:00:00.250Z","surge":1.5}""";

  @Test
  void requestsARideAndReadsItIgnoringUnknownFields() {
    try (StubHttpServer fleetCore = StubHttpServer.answering(201, RIDE_JSON)) {
      Ride ride = new FleetCoreClient(fleetCore.baseUrl()).requestRide(REQUEST);

      assertThat(ride)
          .isEqualTo(
              new Ride(
                  "7f1c",
                  "rider-1",
                  "ASSIGNED",
                  "v-1",
                  240,
                  new Location(52.53, 13.41),
                  new Location(52.5, 13.3),
                  "2026-03-01T12:00:00.250Z"));
    }
  }

  @Test
  void sendsTheRideRequestAsJson() {
    try (StubHttpServer fleetCore = StubHttpServer.answering(201, RIDE_JSON)) {
      new FleetCoreClient(fleetCore.baseUrl()).requestRide(REQUEST);

      StubHttpServer.Received received = fleetCore.received().get(0);
      assertThat(received.method()).isEqualTo("POST");
      assertThat(received.path()).isEqualTo("/v1/rides");
      assertThat(received.body())
          .isEqualTo(
              "{\"riderId\":\"rider-1\",\"pickup\":{\"lat\":52.53,\"lon\":13.41},"
                  + "\"dropoff\":{\"lat\":52.5,\"lon\":13.3}}");
    }
  }

  @Test
  void registersAVehicle() {
    String vehicle =
        "{\"id\":\"v-1\",\"plate\":\"B-PY 101\",\"location\":{\"lat\":52.52,\"lon\":13.405},"
            + "\"status\":\"AVAILABLE\"}";
    try (StubHttpServer fleetCore = StubHttpServer.answering(201, vehicle)) {
      Vehicle registered =
          new FleetCoreClient(fleetCore.baseUrl())
              .registerVehicle(new VehicleRegistration("B-PY 101", new Location(52.52, 13.405)));

      assertThat(registered)
          .isEqualTo(new Vehicle("v-1", "B-PY 101", new Location(52.52, 13.405), "AVAILABLE"));
    }
  }

  @Test
  void mapsA409ToFleetCoreExceptionWithTheErrorCode() {
    String error = "{\"error\":\"no_vehicle_available\",\"message\":\"No vehicle is available\"}";
    try (StubHttpServer fleetCore = StubHttpServer.answering(409, error)) {
      FleetCoreException e =
          catchThrowableOfType(
              FleetCoreException.class,
              () -> new FleetCoreClient(fleetCore.baseUrl()).requestRide(REQUEST));

      assertThat(e.status()).isEqualTo(409);
      assertThat(e.error()).isEqualTo("no_vehicle_available");
      assertThat(e).hasMessage("No vehicle is available");
    }
  }

  @Test
  void keepsTheFieldOfAValidationError() {
    String error =
        "{\"error\":\"invalid_request\",\"message\":\"pickup.lat out of range\",\"field\":\"pickup.lat\"}";
    try (StubHttpServer fleetCore = StubHttpServer.answering(400, error)) {
      FleetCoreException e =
          catchThrowableOfType(
              FleetCoreException.class,
              () -> new FleetCoreClient(fleetCore.baseUrl()).requestRide(REQUEST));

      assertThat(e.field()).contains("pickup.lat");
    }
  }

  @Test
  void findsNoRideWhenFleetCoreAnswers404() {
    try (StubHttpServer fleetCore =
        StubHttpServer.answering(404, "{\"error\":\"not_found\",\"message\":\"x\"}")) {
      assertThat(new FleetCoreClient(fleetCore.baseUrl()).findRide("unknown")).isEmpty();
    }
  }

  @Test
  void cancelsARideAtItsEncodedPath() {
    try (StubHttpServer fleetCore =
        StubHttpServer.answering(200, RIDE_JSON.replace("ASSIGNED", "CANCELLED"))) {
      Ride ride = new FleetCoreClient(fleetCore.baseUrl()).cancelRide("a b");

      assertThat(ride.status()).isEqualTo("CANCELLED");
      assertThat(fleetCore.received().get(0).path()).isEqualTo("/v1/rides/a%20b/cancel");
    }
  }

  @Test
  void failsWhenARequiredFieldIsMissing() {
    try (StubHttpServer fleetCore =
        StubHttpServer.answering(201, RIDE_JSON.replace("\"status\"", "\"state\""))) {
      FleetCoreException e =
          catchThrowableOfType(
              FleetCoreException.class,
              () -> new FleetCoreClient(fleetCore.baseUrl()).requestRide(REQUEST));

      assertThat(e.error()).isEqualTo(FleetCoreException.INVALID_RESPONSE);
      assertThat(e).hasMessageContaining("'status'");
    }
  }

  @Test
  void mapsAnErrorWithoutJsonBodyByStatus() {
    try (StubHttpServer fleetCore = StubHttpServer.answering(500, "<html>proxy error</html>")) {
      FleetCoreException e =
          catchThrowableOfType(
              FleetCoreException.class,
              () -> new FleetCoreClient(fleetCore.baseUrl()).requestRide(REQUEST));

      assertThat(e.status()).isEqualTo(500);
      assertThat(e.error()).isEqualTo("http_500");
    }
  }

  @Test
  void reportsAnUnreachableServerAsUnavailable() {
    FleetCoreClient client =
        new FleetCoreClient(StubHttpServer.unreachableUrl(), Duration.ofSeconds(1));

    FleetCoreUnavailableException e =
        catchThrowableOfType(
            FleetCoreUnavailableException.class, () -> client.requestRide(REQUEST));

    assertThat(e).hasMessageContaining("did not answer");
  }

  @Test
  void listsTheVehiclesNearAPlaceInPlainDecimals() {
    String vehicles =
        "{\"vehicles\":[{\"id\":\"v-1\",\"plate\":\"B-PY 101\",\"location\":{\"lat\":52.52,"
            + "\"lon\":13.405},\"status\":\"ASSIGNED\",\"distanceKm\":0.4,\"colour\":\"red\"}]}";
    try (StubHttpServer fleetCore = StubHttpServer.answering(200, vehicles)) {
      assertThat(
              new FleetCoreClient(fleetCore.baseUrl())
                  .vehiclesNear(new Location(-50.0, 0.00001), 2.5))
          .containsExactly(
              new VehicleNearby("v-1", "B-PY 101", new Location(52.52, 13.405), "ASSIGNED", 0.4));

      StubHttpServer.Received received = fleetCore.received().get(0);
      assertThat(received.method()).isEqualTo("GET");
      assertThat(received.path()).isEqualTo("/v1/vehicles");
      assertThat(received.query()).isEqualTo("lat=-50.0&lon=0.000010&radiusKm=2.5");
    }
  }

  @Test
  void aVehicleListWithoutAVehiclesIdIsFleetCoresFault() {
    String vehicles = "{\"vehicles\":[{\"plate\":\"B-PY 101\",\"status\":\"AVAILABLE\"}]}";
    try (StubHttpServer fleetCore = StubHttpServer.answering(200, vehicles)) {
      FleetCoreException e =
          catchThrowableOfType(
              FleetCoreException.class,
              () ->
                  new FleetCoreClient(fleetCore.baseUrl()).vehiclesNear(new Location(1, 2), null));

      assertThat(e.error()).isEqualTo(FleetCoreException.INVALID_RESPONSE);
      assertThat(e.getMessage())
          .isEqualTo("fleet-core answered 200 a vehicle without the field 'id'");
      assertThat(fleetCore.received().get(0).query()).isEqualTo("lat=1.0&lon=2.0");
    }
  }
}
