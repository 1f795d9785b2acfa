package dev.pyramid.platform.fleetcore.http;

import dev.pyramid.platform.fleetcore.geo.Location;

/**
 * The query of {@code GET /v1/vehicles}: {@code lat} and {@code lon} of the place, and {@code
 * radiusKm} (default {@value #DEFAULT_RADIUS_KM}, at most {@value #MAX_RADIUS_KM}).
 */
record VehicleSearch(Location place, double radiusKm) {

  static final double DEFAULT_RADIUS_KM = 10;

  // Wider searches would read a city's whole fleet; nobody looks at that around one station.
  static final double MAX_RADIUS_KM = 50;

  /** The search the query parameters ask for, or the first invalid one named. */
  static VehicleSearch of(String lat, String lon, String radiusKm) {
    double latitude = number("lat", lat, -90, 90);
    double longitude = number("lon", lon, -180, 180);
    double radius =
        radiusKm == null ? DEFAULT_RADIUS_KM : number("radiusKm", radiusKm, 0, MAX_RADIUS_KM);
    return new VehicleSearch(new Location(latitude, longitude), radius);
  }

  private static double number(String name, String value, double min, double max) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(name, name + " is required");
    }
    // Decimal notation only: Java would also read "1e3", "0x1p3" or "2d".
    if (!value.matches("-?\\d+(\\.\\d+)?")) {
      throw new InvalidRequestException(name, name + " must be a decimal number, was " + value);
    }
    double number = Double.parseDouble(value);
    if (!(number >= min && number <= max)) {
      throw new InvalidRequestException(
          name, name + " must be within [" + fmt(min) + ", " + fmt(max) + "], was " + value);
    }
    return number;
  }

  private static String fmt(double bound) {
    return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
  }
}
