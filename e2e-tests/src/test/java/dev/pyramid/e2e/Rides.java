package dev.pyramid.e2e;

import dev.pyramid.platform.fixtures.Place;
import java.util.Locale;
import java.util.Map;

/**
 * Request bodies and state parameters the journeys share; every place is the test's own station.
 */
final class Rides {
  private Rides() {}

  /** A ride request from {@code pickup} to a drop-off 3 km north of it. */
  static String request(String riderId, Place pickup) {
    Place dropoff = pickup.north(3000);
    return String.format(
        Locale.ROOT,
        "{\"riderId\":\"%s\",\"pickup\":{\"lat\":%s,\"lon\":%s},\"dropoff\":{\"lat\":%s,\"lon\":%s}}",
        riderId,
        pickup.lat(),
        pickup.lon(),
        dropoff.lat(),
        dropoff.lon());
  }

  /** Parameters placing a state's vehicle at {@code station}. */
  static Map<String, Object> at(Place station) {
    return Map.of("lat", station.lat(), "lon", station.lon());
  }

  /** Parameters placing an assigned ride's pickup at {@code station}. */
  static Map<String, Object> pickupAt(Place station) {
    Place dropoff = station.north(3000);
    return Map.of(
        "pickupLat",
        station.lat(),
        "pickupLon",
        station.lon(),
        "dropoffLat",
        dropoff.lat(),
        "dropoffLon",
        dropoff.lon());
  }
}
