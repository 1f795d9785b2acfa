package dev.pyramid.contracts.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.pyramid.framework.api.ContractTest;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.gateway.client.FleetCoreClient;
import dev.pyramid.platform.gateway.client.FleetCoreException;
import dev.pyramid.platform.gateway.client.Location;
import dev.pyramid.platform.gateway.client.Ride;
import dev.pyramid.platform.gateway.client.RideRequest;
import dev.pyramid.platform.gateway.client.Vehicle;
import dev.pyramid.platform.gateway.client.VehicleRegistration;
import java.net.URI;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What api-gateway's {@link FleetCoreClient} expects of fleet-core, written down as a pact.
 *
 * <p>Each interaction names the provider state it needs; the provider verification sets those
 * states up from the same named states in fleet-fixtures.
 */
@ContractTest
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = FleetCoreClientPactTests.PROVIDER)
class FleetCoreClientPactTests {

  static final String PROVIDER = "fleet-core";
  static final String CONSUMER = "api-gateway";

  private static final Location PICKUP =
      new Location(Stations.CENTRAL.lat(), Stations.CENTRAL.lon());
  private static final Location DROPOFF = new Location(52.5163, 13.3777);
  // Where the state "no vehicle is available" says no vehicle is: nothing is deleted between
  // interactions, so the pickup must lie where no other state parks one.
  private static final Location NOWHERE =
      new Location(Stations.FAR_AWAY.lat(), Stations.FAR_AWAY.lon());
  private static final String EXAMPLE_RIDE_ID = "6f1c2a4e-8b7d-4c1e-9a3b-2d5e7f9a1b3c";
  // An ISO-8601 instant in UTC, as fleet-core writes one (fraction digits vary).
  private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

  @Pact(consumer = CONSUMER)
  V4Pact requestRideWithAVehicleNearby(PactDslWithProvider builder) {
    return builder
        .given(
            FleetStates.VEHICLE_AVAILABLE_NEAR_STATION,
            Map.of("lat", PICKUP.lat(), "lon", PICKUP.lon()))
        .uponReceiving("a ride request near the station")
        .method("POST")
        .path("/v1/rides")
        .headers("Content-Type", "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("riderId", "rider-1")
                .object("pickup")
                .numberValue("lat", PICKUP.lat())
                .numberValue("lon", PICKUP.lon())
                .closeObject()
                .object("dropoff")
                .numberValue("lat", DROPOFF.lat())
                .numberValue("lon", DROPOFF.lon())
                .closeObject())
        .willRespondWith()
        .status(201)
        .body(ride("ASSIGNED"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "requestRideWithAVehicleNearby")
  void requestRide_returns_the_assigned_ride(MockServer fleetCore) {
    Ride ride = client(fleetCore).requestRide(new RideRequest("rider-1", PICKUP, DROPOFF));

    assertThat(ride.status()).isEqualTo("ASSIGNED");
    assertThat(ride.vehicleId()).isNotBlank();
    assertThat(ride.etaSeconds()).isPositive();
    // /v2 answers eta.pickupAt from it.
    assertThat(ride.requestedAt()).isNotBlank();
  }

  @Pact(consumer = CONSUMER)
  V4Pact requestRideWithNoVehicle(PactDslWithProvider builder) {
    return builder
        .given(FleetStates.NO_VEHICLE_AVAILABLE)
        .uponReceiving("a ride request when no vehicle is available")
        .method("POST")
        .path("/v1/rides")
        .headers("Content-Type", "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("riderId", "rider-2")
                .object("pickup")
                .numberValue("lat", NOWHERE.lat())
                .numberValue("lon", NOWHERE.lon())
                .closeObject()
                .object("dropoff")
                .numberValue("lat", DROPOFF.lat())
                .numberValue("lon", DROPOFF.lon())
                .closeObject())
        .willRespondWith()
        .status(409)
        .body(
            new PactDslJsonBody()
                .stringValue("error", "no_vehicle_available")
                .stringType("message", "No vehicle is available near the pickup"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "requestRideWithNoVehicle")
  void requestRide_reports_that_no_vehicle_is_available(MockServer fleetCore) {
    assertThatThrownBy(
            () -> client(fleetCore).requestRide(new RideRequest("rider-2", NOWHERE, DROPOFF)))
        .isInstanceOfSatisfying(
            FleetCoreException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.error()).isEqualTo("no_vehicle_available");
            });
  }

  @Pact(consumer = CONSUMER)
  V4Pact findAssignedRide(PactDslWithProvider builder) {
    return builder
        .given(FleetStates.RIDE_ASSIGNED)
        .uponReceiving("a request for an assigned ride")
        .method("GET")
        .pathFromProviderState("/v1/rides/${rideId}", "/v1/rides/" + EXAMPLE_RIDE_ID)
        .willRespondWith()
        .status(200)
        .body(ride("ASSIGNED"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "findAssignedRide")
  void findRide_returns_the_ride(MockServer fleetCore) {
    assertThat(client(fleetCore).findRide(EXAMPLE_RIDE_ID))
        .hasValueSatisfying(ride -> assertThat(ride.status()).isEqualTo("ASSIGNED"));
  }

  @Pact(consumer = CONSUMER)
  V4Pact findUnknownRide(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a request for a ride that does not exist")
        .method("GET")
        .path("/v1/rides/00000000-0000-4000-8000-000000000000")
        .willRespondWith()
        .status(404)
        .body(
            new PactDslJsonBody()
                .stringValue("error", "not_found")
                .stringType("message", "No ride 00000000-0000-4000-8000-000000000000"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "findUnknownRide")
  void findRide_is_empty_for_an_unknown_ride(MockServer fleetCore) {
    assertThat(client(fleetCore).findRide("00000000-0000-4000-8000-000000000000")).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancelAssignedRide(PactDslWithProvider builder) {
    return builder
        .given(FleetStates.RIDE_ASSIGNED)
        .uponReceiving("a cancellation of an assigned ride")
        .method("POST")
        .pathFromProviderState(
            "/v1/rides/${rideId}/cancel", "/v1/rides/" + EXAMPLE_RIDE_ID + "/cancel")
        .willRespondWith()
        .status(200)
        .body(ride("CANCELLED"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cancelAssignedRide")
  void cancelRide_returns_the_cancelled_ride(MockServer fleetCore) {
    assertThat(client(fleetCore).cancelRide(EXAMPLE_RIDE_ID).status()).isEqualTo("CANCELLED");
  }

  @Pact(consumer = CONSUMER)
  V4Pact registerVehicle(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a vehicle registration")
        .method("POST")
        .path("/v1/vehicles")
        .headers("Content-Type", "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("plate", "B-PY 7")
                .object("location")
                .numberValue("lat", PICKUP.lat())
                .numberValue("lon", PICKUP.lon())
                .closeObject())
        .willRespondWith()
        .status(201)
        .body(
            new PactDslJsonBody()
                .uuid("id", "0b9f2a57-3c4d-4e5f-8a6b-7c8d9e0f1a2b")
                .stringValue("plate", "B-PY 7")
                .stringValue("status", "AVAILABLE")
                .object("location")
                .decimalType("lat", PICKUP.lat())
                .decimalType("lon", PICKUP.lon())
                .closeObject())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "registerVehicle")
  void registerVehicle_returns_an_available_vehicle(MockServer fleetCore) {
    Vehicle vehicle = client(fleetCore).registerVehicle(new VehicleRegistration("B-PY 7", PICKUP));

    assertThat(vehicle.id()).isNotBlank();
    assertThat(vehicle.status()).isEqualTo("AVAILABLE");
    assertThat(vehicle.location()).isEqualTo(PICKUP);
  }

  @Pact(consumer = CONSUMER)
  V4Pact listVehiclesNearTheStation(PactDslWithProvider builder) {
    return builder
        .given(
            FleetStates.VEHICLE_AVAILABLE_NEAR_STATION,
            Map.of("lat", PICKUP.lat(), "lon", PICKUP.lon()))
        .uponReceiving("a list of the vehicles near the station")
        .method("GET")
        .path("/v1/vehicles")
        .query("lat=" + PICKUP.lat() + "&lon=" + PICKUP.lon() + "&radiusKm=1.0")
        .willRespondWith()
        .status(200)
        .body(
            new PactDslJsonBody()
                .minArrayLike("vehicles", 1)
                .uuid("id", "0b9f2a57-3c4d-4e5f-8a6b-7c8d9e0f1a2b")
                .stringType("plate", "B-PY 7")
                .stringMatcher("status", "AVAILABLE|ASSIGNED", "AVAILABLE")
                // Any number: the state parks its vehicle 300 m from the station.
                .numberType("distanceKm", 0.3)
                .object("location")
                .decimalType("lat", PICKUP.lat())
                .decimalType("lon", PICKUP.lon())
                .closeObject()
                .closeArray())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listVehiclesNearTheStation")
  void vehiclesNear_lists_the_vehicles_with_their_distance(MockServer fleetCore) {
    assertThat(client(fleetCore).vehiclesNear(PICKUP, 1.0))
        .singleElement()
        .satisfies(
            vehicle -> {
              assertThat(vehicle.id()).isNotBlank();
              assertThat(vehicle.status()).isEqualTo("AVAILABLE");
              assertThat(vehicle.distanceKm()).isEqualTo(0.3);
            });
  }

  @Pact(consumer = CONSUMER)
  V4Pact listVehiclesWhereNoneIsParked(PactDslWithProvider builder) {
    return builder
        .given(FleetStates.NO_VEHICLE_AVAILABLE)
        .uponReceiving("a list of the vehicles near a place where none is parked")
        .method("GET")
        .path("/v1/vehicles")
        .query("lat=" + NOWHERE.lat() + "&lon=" + NOWHERE.lon() + "&radiusKm=1.0")
        .willRespondWith()
        .status(200)
        .body(new PactDslJsonBody().array("vehicles").closeArray())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listVehiclesWhereNoneIsParked")
  void vehiclesNear_is_empty_where_none_is_parked(MockServer fleetCore) {
    assertThat(client(fleetCore).vehiclesNear(NOWHERE, 1.0)).isEmpty();
  }

  @Pact(consumer = CONSUMER)
  V4Pact listVehiclesWithAnImpossibleLatitude(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a list of the vehicles near a latitude outside [-90, 90]")
        .method("GET")
        .path("/v1/vehicles")
        .query("lat=123.0&lon=" + PICKUP.lon())
        .willRespondWith()
        .status(400)
        .body(invalidRequest("lat", "lat must be within [-90, 90], was 123.0"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listVehiclesWithAnImpossibleLatitude")
  void vehiclesNear_names_the_invalid_parameter(MockServer fleetCore) {
    assertInvalidRequest(
        () -> client(fleetCore).vehiclesNear(new Location(123.0, PICKUP.lon()), null), "lat");
  }

  @Pact(consumer = CONSUMER)
  V4Pact listVehiclesTooFarAround(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a list of the vehicles within more than 50 km")
        .method("GET")
        .path("/v1/vehicles")
        .query("lat=" + PICKUP.lat() + "&lon=" + PICKUP.lon() + "&radiusKm=80.0")
        .willRespondWith()
        .status(400)
        .body(invalidRequest("radiusKm", "radiusKm must be within [0, 50], was 80.0"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listVehiclesTooFarAround")
  void vehiclesNear_refuses_a_radius_over_fifty_kilometres(MockServer fleetCore) {
    assertInvalidRequest(() -> client(fleetCore).vehiclesNear(PICKUP, 80.0), "radiusKm");
  }

  @Pact(consumer = CONSUMER)
  V4Pact registerVehicleWithoutPlate(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a vehicle registration with an empty plate")
        .method("POST")
        .path("/v1/vehicles")
        .headers("Content-Type", "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("plate", "")
                .object("location")
                .numberValue("lat", PICKUP.lat())
                .numberValue("lon", PICKUP.lon())
                .closeObject())
        .willRespondWith()
        .status(400)
        .body(invalidRequest("plate", "plate must be a non-empty string"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "registerVehicleWithoutPlate")
  void registerVehicle_passes_the_refusal_of_an_empty_plate(MockServer fleetCore) {
    // The gateway checks only that a plate is a string: fleet-core owns the rule and its wording.
    assertInvalidRequest(
        () -> client(fleetCore).registerVehicle(new VehicleRegistration("", PICKUP)), "plate");
  }

  @Pact(consumer = CONSUMER)
  V4Pact requestRideWithAnImpossiblePickup(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a ride request with a latitude outside [-90, 90]")
        .method("POST")
        .path("/v1/rides")
        .headers("Content-Type", "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("riderId", "rider-3")
                .object("pickup")
                .numberValue("lat", 123.0)
                .numberValue("lon", PICKUP.lon())
                .closeObject()
                .object("dropoff")
                .numberValue("lat", DROPOFF.lat())
                .numberValue("lon", DROPOFF.lon())
                .closeObject())
        .willRespondWith()
        .status(400)
        .body(invalidRequest("pickup.lat", "pickup.lat must be between -90 and 90"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "requestRideWithAnImpossiblePickup")
  void requestRide_names_the_invalid_field(MockServer fleetCore) {
    RideRequest impossible = new RideRequest("rider-3", new Location(123.0, PICKUP.lon()), DROPOFF);

    assertInvalidRequest(() -> client(fleetCore).requestRide(impossible), "pickup.lat");
  }

  @Pact(consumer = CONSUMER)
  V4Pact cancelUnknownRide(PactDslWithProvider builder) {
    return builder
        .uponReceiving("a cancellation of a ride that does not exist")
        .method("POST")
        .path("/v1/rides/00000000-0000-4000-8000-000000000000/cancel")
        .willRespondWith()
        .status(404)
        .body(
            new PactDslJsonBody()
                .stringValue("error", "not_found")
                .stringType("message", "No ride 00000000-0000-4000-8000-000000000000"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "cancelUnknownRide")
  void cancelRide_reports_an_unknown_ride(MockServer fleetCore) {
    assertThatThrownBy(() -> client(fleetCore).cancelRide("00000000-0000-4000-8000-000000000000"))
        .isInstanceOfSatisfying(
            FleetCoreException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.error()).isEqualTo("not_found");
            });
  }

  /**
   * The ride body the client relies on: types matched, the status exact; {@code requestedAt} since
   * the gateway's /v2 reads it.
   */
  private static PactDslJsonBody ride(String status) {
    return (PactDslJsonBody)
        new PactDslJsonBody()
            .uuid("id", EXAMPLE_RIDE_ID)
            .stringType("riderId", "rider-1")
            .stringValue("status", status)
            .uuid("vehicleId", "0b9f2a57-3c4d-4e5f-8a6b-7c8d9e0f1a2b")
            .integerType("etaSeconds", 240)
            .stringMatcher("requestedAt", INSTANT, "2026-03-01T12:00:00.250Z")
            .object("pickup")
            .decimalType("lat", PICKUP.lat())
            .decimalType("lon", PICKUP.lon())
            .closeObject()
            .object("dropoff")
            .decimalType("lat", DROPOFF.lat())
            .decimalType("lon", DROPOFF.lon())
            .closeObject();
  }

  /** fleet-core's refusal of a request, naming the field; the wording is fleet-core's own. */
  private static PactDslJsonBody invalidRequest(String field, String exampleMessage) {
    return new PactDslJsonBody()
        .stringValue("error", "invalid_request")
        .stringType("message", exampleMessage)
        .stringValue("field", field);
  }

  private static void assertInvalidRequest(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            FleetCoreException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.error()).isEqualTo("invalid_request");
              assertThat(e.field()).hasValue(field);
            });
  }

  private static FleetCoreClient client(MockServer fleetCore) {
    return new FleetCoreClient(URI.create(fleetCore.getUrl()));
  }
}
