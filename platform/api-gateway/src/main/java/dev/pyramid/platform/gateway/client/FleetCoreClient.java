package dev.pyramid.platform.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Typed client of fleet-core's {@code /v1} API, the consumer side of the gateway's contract with
 * fleet-core.
 *
 * <p>Unknown response fields are ignored, so fleet-core may add fields freely; a response missing a
 * field the gateway relies on ({@code id}, {@code status}) fails with {@link FleetCoreException} of
 * error {@link FleetCoreException#INVALID_RESPONSE}, so that renaming one breaks the contract.
 * Error answers become {@link FleetCoreException}; transport failures and timeouts become {@link
 * FleetCoreUnavailableException}. Thread-safe.
 */
public final class FleetCoreClient {

  /** Longer than fleet-core's default routing timeout (2 s), which a ride request may wait for. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final List<String> REQUIRED_FIELDS = List.of("id", "status");

  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final ObjectMapper json =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * A client of the fleet-core at {@code baseUrl} (e.g. {@code http://127.0.0.1:8081}) with {@link
   * #DEFAULT_TIMEOUT}.
   */
  public FleetCoreClient(URI baseUrl) {
    this(baseUrl, DEFAULT_TIMEOUT);
  }

  /** A client whose connect and response timeout is {@code timeout}. */
  public FleetCoreClient(URI baseUrl, Duration timeout) {
    String base = baseUrl.toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** {@code POST /v1/rides}: assigns a vehicle to the rider. */
  public Ride requestRide(RideRequest request) {
    return read(send("POST", "/v1/rides", request), Ride.class);
  }

  /** {@code GET /v1/rides/{id}}: the ride, or empty when fleet-core does not know it (404). */
  public Optional<Ride> findRide(String id) {
    HttpResponse<String> response = send("GET", "/v1/rides/" + segment(id), null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(read(response, Ride.class));
  }

  /** {@code POST /v1/rides/{id}/cancel}: cancels the ride and frees its vehicle. */
  public Ride cancelRide(String id) {
    return read(send("POST", "/v1/rides/" + segment(id) + "/cancel", null), Ride.class);
  }

  /** {@code POST /v1/vehicles}: registers an available vehicle. */
  public Vehicle registerVehicle(VehicleRegistration registration) {
    return read(send("POST", "/v1/vehicles", registration), Vehicle.class);
  }

  /**
   * {@code GET /v1/vehicles?lat=..&lon=..&radiusKm=..}: every vehicle within {@code radiusKm} of
   * {@code place}, nearest first; {@code radiusKm} null leaves fleet-core's default.
   */
  public List<VehicleNearby> vehiclesNear(Location place, Double radiusKm) {
    String query =
        "?lat="
            + decimal(place.lat())
            + "&lon="
            + decimal(place.lon())
            + (radiusKm == null ? "" : "&radiusKm=" + decimal(radiusKm));
    HttpResponse<String> response = send("GET", "/v1/vehicles" + query, null);
    if (response.statusCode() / 100 != 2) {
      throw error(response);
    }
    try {
      JsonNode vehicles = json.readTree(response.body()).path("vehicles");
      if (!vehicles.isArray()) {
        throw invalid(response.statusCode(), "without the array 'vehicles'");
      }
      for (JsonNode vehicle : vehicles) {
        requireFields(vehicle, response.statusCode(), "a vehicle ");
      }
      return List.of(json.treeToValue(vehicles, VehicleNearby[].class));
    } catch (JsonProcessingException e) {
      throw invalid(
          response.statusCode(),
          "with a body that is not a vehicle list: " + e.getOriginalMessage());
    }
  }

  /** Fails, as fleet-core's fault, unless {@code node} has every field the gateway relies on. */
  private static void requireFields(JsonNode node, int status, String where) {
    for (String field : REQUIRED_FIELDS) {
      if (node == null || !node.hasNonNull(field)) {
        throw invalid(status, where + "without the field '" + field + "'");
      }
    }
  }

  private static FleetCoreException invalid(int status, String what) {
    return new FleetCoreException(
        status, FleetCoreException.INVALID_RESPONSE, "fleet-core answered " + status + " " + what);
  }

  // Plain decimal notation, as fleet-core's query parameters require ("1.0E-4" is refused).
  private static String decimal(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }

  private HttpResponse<String> send(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FleetCoreUnavailableException(
          "fleet-core at " + baseUrl + " did not answer " + method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetCoreUnavailableException("Interrupted while waiting for fleet-core", e);
    }
  }

  private <T> T read(HttpResponse<String> response, Class<T> type) {
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw error(response);
    }
    try {
      JsonNode body = json.readTree(response.body());
      requireFields(body, status, "");
      return json.treeToValue(body, type);
    } catch (JsonProcessingException e) {
      throw invalid(
          status,
          "with a body that is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  private FleetCoreException error(HttpResponse<String> response) {
    int status = response.statusCode();
    try {
      JsonNode body = json.readTree(response.body());
      if (body != null && body.hasNonNull("error")) {
        return new FleetCoreException(
            status,
            body.get("error").asText(),
            body.path("message").asText("fleet-core answered " + status),
            body.hasNonNull("field") ? body.get("field").asText() : null);
      }
    } catch (JsonProcessingException e) {
      // Not fleet-core's error shape (a proxy page, say): reported below by status alone.
    }
    return new FleetCoreException(
        status, "http_" + status, "fleet-core answered " + status + " without an error body");
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + body + " as JSON", e);
    }
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
