package dev.pyramid.platform.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.platform.gateway.client.Location;
import dev.pyramid.platform.gateway.client.RideRequest;
import dev.pyramid.platform.gateway.client.VehicleRegistration;

/**
 * Turns public request bodies and queries into the client's typed requests, checking only presence
 * and JSON types (a missing {@code lat} must not silently become 0). Value rules such as coordinate
 * ranges belong to fleet-core, whose answer the gateway passes through. Thread-safe.
 */
final class RequestBodies {

  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  RideRequest rideRequest(String body) {
    JsonNode root = object(body);
    return new RideRequest(
        text(root, "riderId"), location(root, "pickup"), location(root, "dropoff"));
  }

  VehicleRegistration vehicleRegistration(String body) {
    JsonNode root = object(body);
    return new VehicleRegistration(text(root, "plate"), location(root, "location"));
  }

  /**
   * The place and radius of {@code GET /v1/vehicles}'s query: {@code lat} and {@code lon} required
   * numbers, {@code radiusKm} an optional one (null: fleet-core's default).
   */
  VehicleSearch vehicleSearch(String lat, String lon, String radiusKm) {
    Location place = new Location(queryNumber("lat", lat), queryNumber("lon", lon));
    return new VehicleSearch(place, radiusKm == null ? null : queryNumber("radiusKm", radiusKm));
  }

  record VehicleSearch(Location place, Double radiusKm) {}

  private static double queryNumber(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(name, name + " is required");
    }
    double number;
    try {
      number = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      number = Double.NaN;
    }
    if (!Double.isFinite(number)) {
      throw new InvalidRequestException(name, name + " must be a number, was " + value);
    }
    return number;
  }

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
    if (!node.isTextual()) {
      throw new InvalidRequestException(name, name + " must be a string");
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
    return new Location(number(node, name, "lat"), number(node, name, "lon"));
  }

  private static double number(JsonNode parent, String parentName, String name) {
    String path = parentName + "." + name;
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new InvalidRequestException(path, path + " is required");
    }
    if (!node.isNumber()) {
      throw new InvalidRequestException(path, path + " must be a number");
    }
    return node.doubleValue();
  }
}
