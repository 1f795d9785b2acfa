package dev.pyramid.platform.fleetcore.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.platform.fleetcore.geo.Location;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@UnitTest
class NearestVehicleTests {

  private static final Location PICKUP = new Location(52.5200, 13.4050);

  // Roughly 1.1 km, 3.3 km and 22 km north of the pickup.
  private static final Location NEAR = new Location(52.5300, 13.4050);
  private static final Location FARTHER = new Location(52.5500, 13.4050);
  private static final Location OUT_OF_RANGE = new Location(52.7200, 13.4050);

  @Test
  void choosesTheNearestAvailableVehicle() {
    Vehicle far = vehicle(FARTHER, VehicleStatus.AVAILABLE);
    Vehicle near = vehicle(NEAR, VehicleStatus.AVAILABLE);

    assertThat(NearestVehicle.within(List.of(far, near), PICKUP, 10)).contains(near);
  }

  @Test
  void skipsAssignedVehiclesEvenWhenNearer() {
    Vehicle assigned = vehicle(NEAR, VehicleStatus.ASSIGNED);
    Vehicle available = vehicle(FARTHER, VehicleStatus.AVAILABLE);

    assertThat(NearestVehicle.within(List.of(assigned, available), PICKUP, 10)).contains(available);
  }

  @Test
  void findsNoneWhenEveryAvailableVehicleIsOutOfRange() {
    Vehicle tooFar = vehicle(OUT_OF_RANGE, VehicleStatus.AVAILABLE);

    assertThat(NearestVehicle.within(List.of(tooFar), PICKUP, 10)).isEmpty();
  }

  @Test
  void findsNoneInAnEmptyFleet() {
    assertThat(NearestVehicle.within(List.of(), PICKUP, 10)).isEmpty();
  }

  @Test
  void includesAVehicleExactlyAtTheMaximumDistance() {
    Vehicle atEdge = vehicle(FARTHER, VehicleStatus.AVAILABLE);
    double edgeKm = FARTHER.distanceKmTo(PICKUP);

    assertThat(NearestVehicle.within(List.of(atEdge), PICKUP, edgeKm)).contains(atEdge);
  }

  @Test
  void ranksCandidatesNearestFirstAndLeavesOutOfRangeOnesOut() {
    Vehicle far = vehicle(FARTHER, VehicleStatus.AVAILABLE);
    Vehicle near = vehicle(NEAR, VehicleStatus.AVAILABLE);
    Vehicle tooFar = vehicle(OUT_OF_RANGE, VehicleStatus.AVAILABLE);

    assertThat(NearestVehicle.rankedWithin(List.of(tooFar, far, near), PICKUP, 10))
        .containsExactly(near, far);
  }

  @Test
  void breaksDistanceTiesById() {
    Vehicle second =
        new Vehicle(
            UUID.fromString("00000000-0000-0000-0000-000000000002"),
            "B-2",
            NEAR,
            VehicleStatus.AVAILABLE);
    Vehicle first =
        new Vehicle(
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "B-1",
            NEAR,
            VehicleStatus.AVAILABLE);

    assertThat(NearestVehicle.within(List.of(second, first), PICKUP, 10)).contains(first);
  }

  private static Vehicle vehicle(Location location, VehicleStatus status) {
    return new Vehicle(UUID.randomUUID(), "B-PY " + location.lat(), location, status);
  }
}
