package dev.pyramid.platform.fleetcore.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.platform.fleetcore.geo.Location;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Nested classes and parameterized tests on purpose too: every build's gate reads Surefire's report
// of them (the outer file holds the nested classes' test cases under a header that counts none).
@UnitTest
class NearestVehicleTests {

  private static final Location PICKUP = new Location(52.5200, 13.4050);

  // Roughly 1.1 km, 3.3 km and 22 km north of the pickup.
  private static final Location NEAR = new Location(52.5300, 13.4050);
  private static final Location FARTHER = new Location(52.5500, 13.4050);
  private static final Location OUT_OF_RANGE = new Location(52.7200, 13.4050);

  @Nested
  class WhenVehiclesAreInRange {

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

      assertThat(NearestVehicle.within(List.of(assigned, available), PICKUP, 10))
          .contains(available);
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
  }

  @Nested
  class AtTheEdgeOfTheRange {

    @Test
    void includesAVehicleExactlyAtTheMaximumDistance() {
      Vehicle atEdge = vehicle(FARTHER, VehicleStatus.AVAILABLE);
      double edgeKm = FARTHER.distanceKmTo(PICKUP);

      assertThat(NearestVehicle.within(List.of(atEdge), PICKUP, edgeKm)).contains(atEdge);
    }

    @ParameterizedTest(name = "{0} km from the pickup, with a range of {1} km: found = {2}")
    @CsvSource({"1.1, 10, true", "3.3, 3, false", "22, 10, false", "22, 25, true"})
    void findsAVehicleOnlyWithinTheRange(double roughKm, double rangeKm, boolean found) {
      Location location = roughKm < 2 ? NEAR : roughKm < 5 ? FARTHER : OUT_OF_RANGE;

      assertThat(
              NearestVehicle.within(
                  List.of(vehicle(location, VehicleStatus.AVAILABLE)), PICKUP, rangeKm))
          .as("a vehicle about %s km away with a range of %s km", roughKm, rangeKm)
          .matches(nearest -> nearest.isPresent() == found);
    }
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
  void aroundAStationEveryVehicleInRangeIsListedNearestFirstWhateverItsStatus() {
    Vehicle farther = vehicle(FARTHER, VehicleStatus.AVAILABLE);
    Vehicle assigned = vehicle(NEAR, VehicleStatus.ASSIGNED);
    Vehicle outOfRange = vehicle(OUT_OF_RANGE, VehicleStatus.AVAILABLE);

    List<VehicleNearby> listed =
        NearestVehicle.allWithin(List.of(farther, outOfRange, assigned), PICKUP, 10);

    assertThat(listed).extracting(VehicleNearby::vehicle).containsExactly(assigned, farther);
    assertThat(listed.get(0).distanceKm()).isBetween(1.0, 1.2);
    assertThat(listed.get(1).distanceKm()).isBetween(3.2, 3.4);
  }

  private static Vehicle vehicle(Location location, VehicleStatus status) {
    return new Vehicle(UUID.randomUUID(), "B-PY " + location.lat(), location, status);
  }
}
