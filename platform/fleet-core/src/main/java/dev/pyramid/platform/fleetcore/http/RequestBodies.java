package dev.pyramid.platform.fleetcore.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.platform.fleetcore.geo.Location;
import dev.pyramid.platform.fleetcore.rides.RideRequest;

/**
 * Reads and validates request bodies into domain values, naming the first invalid field. Unknown
 * fields are ignored. Thread-safe.
 */
public final class RequestBodies {

  private final ObjectMapper json;

  public RequestBodies(ObjectMapper json) {
    this.json = json;
  }

  /** A vehicle registration: {@code {"plate": "...", "location": {"lat": .., "lon": ..}}}. */
  public VehicleRegistration vehicleRegistration(String body) {
    JsonNode root = object(body);
    return new VehicleRegistration(text(root, "plate"), location(root, "location"));
  }

  /** A ride request: {@code {"riderId": "...", "pickup": {..}, "dropoff": {..}}}. */
  public RideRequest rideRequest(String body) {
    JsonNode root = object(body);
    return new RideRequest(
        text(root, "riderId"), location(root, "pickup"), location(root, "dropoff"));
  }

  /** A validated vehicle registration. */
  public record VehicleRegistration(String plate, Location location) {}

  private JsonNode object(String body) {
    JsonNode root;
    try {
      root = json.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(null, "Request body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRequestException(null, "Request body must be a JSON object");
    }
    return root;
  }

  private static String text(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new InvalidRequestException(name, name + " is required");
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new InvalidRequestException(name, name + " must be a non-empty string");
    }
    return node.asText();
  }

  private static Location location(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new InvalidRequestException(name, name + " is required");
    }
    if (!node.isObject()) {
      throw new InvalidRequestException(name, name + " must be an object with lat and lon");
    }
    double lat = coordinate(node, name + ".lat", "lat", 90);
    double lon = coordinate(node, name + ".lon", "lon", 180);
    return new Location(lat, lon);
  }

  private static double coordinate(JsonNode parent, String path, String name, double limit) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new InvalidRequestException(path, path + " is required");
    }
    if (!node.isNumber()) {
      throw new InvalidRequestException(path, path + " must be a number");
    }
    double value = node.doubleValue();
    if (!(value >= -limit && value <= limit)) {
      throw new InvalidRequestException(
          path,
          path
              + " must be within [-"
              + (int) limit
              + ", "
              + (int) limit
              + "], was "
              + node.asText());
    }
    return value;
  }
}
