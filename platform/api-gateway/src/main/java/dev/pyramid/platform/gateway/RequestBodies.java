package dev.pyramid.platform.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.platform.gateway.client.Location;
import dev.pyramid.platform.gateway.client.RideRequest;
import dev.pyramid.platform.gateway.client.VehicleRegistration;

/**
 * Turns public request bodies into the client's typed requests, checking only presence and JSON
 * types (a missing {@code lat} must not silently become 0). Value rules such as coordinate ranges
 * belong to fleet-core, whose answer the gateway passes through. Thread-safe.
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
