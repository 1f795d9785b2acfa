package dev.pyramid.platform.fleetcore.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pyramid.framework.api.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class LocationTests {

  @Test
  void distanceBetweenBerlinAndMunichIsAbout504Km() {
    Location berlin = new Location(52.5200, 13.4050);
    Location munich = new Location(48.1351, 11.5820);

    assertThat(berlin.distanceKmTo(munich)).isCloseTo(504.4, within(1.0));
  }

  @Test
  void distanceToItselfIsZero() {
    Location here = new Location(52.52, 13.405);

    assertThat(here.distanceKmTo(here)).isZero();
  }

  @Test
  void distanceAcrossTheDateLineIsShort() {
    Location west = new Location(0, 179.99);
    Location east = new Location(0, -179.99);

    assertThat(west.distanceKmTo(east)).isCloseTo(2.22, within(0.01));
  }

  @Test
  void latitudeOutsideRangeIsRejected() {
    assertThatThrownBy(() -> new Location(90.5, 0)).hasMessageContaining("lat");
  }

  @Test
  void latitudeSpanContainsEveryPointWithinTheDistance() {
    Location origin = new Location(52.52, 13.405);
    Location tenKmNorth = new Location(52.52 + Location.latitudeSpanDegrees(10), 13.405);

    assertThat(origin.distanceKmTo(tenKmNorth)).isCloseTo(10.0, within(1e-6));
  }
}
