package dev.pyramid.platform.fleetcore.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.platform.fleetcore.geo.Location;
import dev.pyramid.platform.fleetcore.rides.RideRequest;
import org.junit.jupiter.api.Test;

@UnitTest
class RequestBodiesTests {

  private final RequestBodies bodies =
      new RequestBodies(new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));

  @Test
  void readsAValidRideRequestAndIgnoresUnknownFields() {
    RideRequest request =
        bodies.rideRequest(
            """
                {"riderId":"rider-1","pickup":{"lat":52.52,"lon":13.405},
                 "dropoff":{"lat":52.5,"lon":13},"promoCode":"X"}""");

    assertThat(request)
        .isEqualTo(new RideRequest("rider-1", new Location(52.52, 13.405), new Location(52.5, 13)));
  }

  @Test
  void readsAValidVehicleRegistration() {
    RequestBodies.VehicleRegistration registration =
        bodies.vehicleRegistration(
            "{\"plate\":\"B-PY 101\",\"location\":{\"lat\":52.52,\"lon\":13.405}}");

    assertThat(registration.plate()).isEqualTo("B-PY 101");
    assertThat(registration.location()).isEqualTo(new Location(52.52, 13.405));
  }

  @Test
  void namesAMissingRiderId() {
    InvalidRequestException e =
        invalidRide("{\"pickup\":{\"lat\":1,\"lon\":1},\"dropoff\":{\"lat\":1,\"lon\":1}}");

    assertThat(e.field()).contains("riderId");
  }

  @Test
  void namesABlankRiderId() {
    InvalidRequestException e =
        invalidRide(
            "{\"riderId\":\"  \",\"pickup\":{\"lat\":1,\"lon\":1},\"dropoff\":{\"lat\":1,\"lon\":1}}");

    assertThat(e.field()).contains("riderId");
  }

  @Test
  void namesAMissingDropoff() {
    InvalidRequestException e = invalidRide("{\"riderId\":\"r\",\"pickup\":{\"lat\":1,\"lon\":1}}");

    assertThat(e.field()).contains("dropoff");
  }

  @Test
  void namesALatitudeAbove90() {
    InvalidRequestException e =
        invalidRide(
            "{\"riderId\":\"r\",\"pickup\":{\"lat\":90.1,\"lon\":1},\"dropoff\":{\"lat\":1,\"lon\":1}}");

    assertThat(e.field()).contains("pickup.lat");
    assertThat(e).hasMessageContaining("[-90, 90]");
  }

  @Test
  void namesALongitudeBelowMinus180() {
    InvalidRequestException e =
        invalidRide(
            "{\"riderId\":\"r\",\"pickup\":{\"lat\":1,\"lon\":1},\"dropoff\":{\"lat\":1,\"lon\":-180.5}}");

    assertThat(e.field()).contains("dropoff.lon");
  }

  @Test
  void acceptsTheBoundaryCoordinates() {
    RideRequest request =
        bodies.rideRequest(
            "{\"riderId\":\"r\",\"pickup\":{\"lat\":-90,\"lon\":-180},\"dropoff\":{\"lat\":90,\"lon\":180}}");

    assertThat(request.dropoff()).isEqualTo(new Location(90, 180));
  }

  @Test
  void namesACoordinateGivenAsAString() {
    InvalidRequestException e =
        invalidRide(
            "{\"riderId\":\"r\",\"pickup\":{\"lat\":\"52.5\",\"lon\":1},\"dropoff\":{\"lat\":1,\"lon\":1}}");

    assertThat(e.field()).contains("pickup.lat");
  }

  @Test
  void namesAMissingPlate() {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> bodies.vehicleRegistration("{\"location\":{\"lat\":1,\"lon\":1}}"));

    assertThat(e.field()).contains("plate");
  }

  @Test
  void rejectsMalformedJsonWithoutAField() {
    InvalidRequestException e = invalidRide("{\"riderId\":");

    assertThat(e.field()).isEmpty();
    assertThat(e).hasMessageContaining("not valid JSON");
  }

  @Test
  void rejectsAnEmptyBody() {
    InvalidRequestException e = invalidRide("");

    assertThat(e).hasMessageContaining("JSON object");
  }

  @Test
  void rejectsAJsonArray() {
    InvalidRequestException e = invalidRide("[]");

    assertThat(e).hasMessageContaining("JSON object");
  }

  @Test
  void rejectsTrailingGarbageAfterTheObject() {
    InvalidRequestException e =
        invalidRide(
            "{\"riderId\":\"r\",\"pickup\":{\"lat\":1,\"lon\":1},\"dropoff\":{\"lat\":1,\"lon\":1}} x");

    assertThat(e).hasMessageContaining("not valid JSON");
  }

  private InvalidRequestException invalidRide(String body) {
    return catchThrowableOfType(InvalidRequestException.class, () -> bodies.rideRequest(body));
  }
}
