package dev.pyramid.platform.fleetcore.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.platform.fleetcore.geo.Location;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Client of the third-party routing API: {@code GET
 * {base}/v1/eta?fromLat=..&fromLon=..&toLat=..&toLon=..} answering {@code {"etaSeconds": 240}}.
 *
 * <p>Thread-safe. Every failure, whatever its kind, surfaces as {@link
 * RoutingUnavailableException}.
 */
public final class RoutingClient {

  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final ObjectMapper json;

  public RoutingClient(URI baseUrl, Duration timeout, ObjectMapper json) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Seconds the routing API expects a vehicle to need from {@code from} to {@code to}. */
  public int etaSeconds(Location from, Location to) {
    URI uri =
        URI.create(
            withoutTrailingSlash(baseUrl.toString())
                + "/v1/eta"
                + "?fromLat="
                + plain(from.lat())
                + "&fromLon="
                + plain(from.lon())
                + "&toLat="
                + plain(to.lat())
                + "&toLon="
                + plain(to.lon()));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RoutingUnavailableException(
          "Routing API at " + baseUrl + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingUnavailableException("Interrupted while waiting for the routing API", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new RoutingUnavailableException("Routing API answered HTTP " + response.statusCode());
    }
    return parseEta(response.body());
  }

  private int parseEta(String body) {
    JsonNode eta;
    try {
      eta = json.readTree(body).path("etaSeconds");
    } catch (IOException | RuntimeException e) {
      throw new RoutingUnavailableException("Routing API answered a body that is not JSON", e);
    }
    if (!eta.canConvertToInt() || !eta.isIntegralNumber() || eta.intValue() < 0) {
      throw new RoutingUnavailableException(
          "Routing API answered without a non-negative integer etaSeconds");
    }
    return eta.intValue();
  }

  // Double.toString would write 1.0E-4, which a routing API need not accept.
  private static String plain(double degrees) {
    return BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
