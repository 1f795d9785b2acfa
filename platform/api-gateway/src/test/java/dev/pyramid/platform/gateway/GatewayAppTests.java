package dev.pyramid.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gateway's HTTP behaviour in-process, with a stub standing in for fleet-core. */
@UnitTest
class GatewayAppTests {

  private static final String KEY = "test-key";
  private static final String RIDE_BODY =
      "{\"riderId\":\"rider-1\",\"pickup\":{\"lat\":52.53,\"lon\":13.41},\"dropoff\":{\"lat\":52.5,\"lon\":13.3}}";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void refusesARequestWithoutKeyAndDoesNotForwardIt() throws Exception {
    try (StubHttpServer fleetCore = StubHttpServer.answering(201, "{}");
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> response = send(gateway, "POST", "/v1/rides", RIDE_BODY, null);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("\"error\":\"unauthorized\"");
      assertThat(fleetCore.received()).isEmpty();
    }
  }

  @Test
  void refusesAWrongKey() throws Exception {
    try (GatewayApp gateway = start(StubHttpServer.unreachableUrl())) {
      assertThat(send(gateway, "GET", "/v1/rides/x", null, "wrong").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void servesHealthWithoutKey() throws Exception {
    try (GatewayApp gateway = start(StubHttpServer.unreachableUrl())) {
      HttpResponse<String> response = send(gateway, "GET", "/health", null, null);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  @Test
  void passesFleetCoreErrorsThrough() throws Exception {
    String error = "{\"error\":\"no_vehicle_available\",\"message\":\"No vehicle is available\"}";
    try (StubHttpServer fleetCore = StubHttpServer.answering(409, error);
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> response = send(gateway, "POST", "/v1/rides", RIDE_BODY, KEY);

      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.body()).isEqualTo(error);
    }
  }

  @Test
  void answers503WhenFleetCoreIsUnreachable() throws Exception {
    try (GatewayApp gateway = start(StubHttpServer.unreachableUrl())) {
      HttpResponse<String> response = send(gateway, "POST", "/v1/rides", RIDE_BODY, KEY);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("\"error\":\"fleet_core_unavailable\"");
    }
  }

  @Test
  void refusesARideRequestWithoutPickupBeforeAskingFleetCore() throws Exception {
    try (StubHttpServer fleetCore = StubHttpServer.answering(201, "{}");
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> response =
          send(gateway, "POST", "/v1/rides", "{\"riderId\":\"r\"}", KEY);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("\"field\":\"pickup\"");
      assertThat(fleetCore.received()).isEmpty();
    }
  }

  @Test
  void answersUnknownRoutesWithTheErrorShape() throws Exception {
    try (GatewayApp gateway = start(StubHttpServer.unreachableUrl())) {
      HttpResponse<String> response = send(gateway, "GET", "/v1/nothing", null, KEY);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("\"error\":\"not_found\"");
    }
  }

  private static GatewayApp start(URI fleetCore) {
    return GatewayApp.start(new GatewayConfig("127.0.0.1", 0, fleetCore, Set.of(KEY)));
  }

  private HttpResponse<String> send(
      GatewayApp gateway, String method, String path, String body, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
