package dev.pyramid.platform.fleetcore.geo;

/**
 * A point on the earth in decimal degrees (WGS 84).
 *
 * @param lat latitude, within [-90, 90]
 * @param lon longitude, within [-180, 180]
 */
public record Location(double lat, double lon) {

  /** Mean earth radius used by the haversine formula. */
  static final double EARTH_RADIUS_KM = 6371.0088;

  public Location {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("lat must be within [-90, 90], was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lon must be within [-180, 180], was " + lon);
    }
  }

  /** Great-circle distance to {@code other} in kilometres (haversine formula). */
  public double distanceKmTo(Location other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }

  /**
   * How many degrees of latitude {@code km} spans; any point within {@code km} of this one lies
   * within that band, which lets a query pre-filter by latitude before the exact distance.
   */
  public static double latitudeSpanDegrees(double km) {
    return Math.toDegrees(km / EARTH_RADIUS_KM);
  }
}
