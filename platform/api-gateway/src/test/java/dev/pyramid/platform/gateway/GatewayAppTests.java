package dev.pyramid.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gateway's HTTP behaviour in-process, with a stub standing in for fleet-core. */
@UnitTest
class GatewayAppTests {

  private static final String KEY = "test-key";
  private static final String RIDE_BODY =
      "{\"riderId\":\"rider-1\",\"pickup\":{\"lat\":52.53,\"lon\":13.41},\"dropoff\":{\"lat\":52.5,\"lon\":13.3}}";

  private static final String FLEET_CORE_RIDE =
      """
      {"id":"6f1c2a4e-8b7d-4c1e-9a3b-2d5e7f9a1b3c","riderId":"rider-1","status":"ASSIGNED",
       "vehicleId":"0b9f2a57-3c4d-4e5f-8a6b-7c8d9e0f1a2b","etaSeconds":240,
       "pickup":{"lat":52.53,"lon":13.41},"dropoff":{"lat":52.5,"lon":13.3},
       "requestedAt":"2026-03-01T12:00:00.250Z"}""";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void v1_answers_the_ride_as_its_first_clients_read_it() throws Exception {
    try (StubHttpServer fleetCore = StubHttpServer.answering(201, FLEET_CORE_RIDE);
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> response = send(gateway, "POST", "/v1/rides", RIDE_BODY, KEY);

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.body())
          .isEqualTo(
              "{\"id\":\"6f1c2a4e-8b7d-4c1e-9a3b-2d5e7f9a1b3c\",\"riderId\":\"rider-1\","
                  + "\"status\":\"ASSIGNED\",\"vehicleId\":\"0b9f2a57-3c4d-4e5f-8a6b-7c8d9e0f1a2b\","
                  + "\"etaSeconds\":240,\"pickup\":{\"lat\":52.53,\"lon\":13.41},"
                  + "\"dropoff\":{\"lat\":52.5,\"lon\":13.3}}");
    }
  }

  @Test
  void v2_answers_the_eta_as_an_object_with_the_pickup_time() throws Exception {
    try (StubHttpServer fleetCore = StubHttpServer.answering(200, FLEET_CORE_RIDE);
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> response =
          send(gateway, "GET", "/v2/rides/6f1c2a4e-8b7d-4c1e-9a3b-2d5e7f9a1b3c", null, KEY);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"eta\":{\"seconds\":240,\"pickupAt\":\"2026-03-01T12:04:00.250Z\"}")
          .doesNotContain("etaSeconds")
          .doesNotContain("requestedAt");
      assertThat(fleetCore.received().get(0).path())
          .isEqualTo("/v1/rides/6f1c2a4e-8b7d-4c1e-9a3b-2d5e7f9a1b3c");
    }
  }

  @Test
  void v2_is_a_bad_gateway_when_fleet_core_does_not_say_when_the_ride_was_requested()
      throws Exception {
    String withoutRequestedAt = FLEET_CORE_RIDE.replaceFirst(",\\s*\"requestedAt\":\"[^\"]*\"", "");
    try (StubHttpServer fleetCore = StubHttpServer.answering(200, withoutRequestedAt);
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> v2 = send(gateway, "GET", "/v2/rides/x", null, KEY);
      HttpResponse<String> v1 = send(gateway, "GET", "/v1/rides/x", null, KEY);

      assertThat(v2.statusCode()).isEqualTo(502);
      assertThat(v2.body()).contains("\"error\":\"fleet_core_bad_response\"");
      assertThat(v1.statusCode()).as("/v1 does not read requestedAt").isEqualTo(200);
    }
  }

  @Test
  void v2_refuses_a_request_without_key_like_v1() throws Exception {
    try (StubHttpServer fleetCore = StubHttpServer.answering(201, FLEET_CORE_RIDE);
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      assertThat(send(gateway, "POST", "/v2/rides", RIDE_BODY, null).statusCode()).isEqualTo(401);
      assertThat(fleetCore.received()).isEmpty();
    }
  }

  @Test
  void serves_its_openapi_document_without_key() throws Exception {
    try (GatewayApp gateway = start(StubHttpServer.unreachableUrl());
        InputStream source =
            GatewayApp.class.getClassLoader().getResourceAsStream(GatewayApp.OPENAPI_DOCUMENT)) {
      HttpResponse<String> response = send(gateway, "GET", "/openapi.yaml", null, null);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
      assertThat(response.body())
          .isEqualTo(new String(source.readAllBytes(), StandardCharsets.UTF_8))
          .contains("openapi: 3.0.3", "/v1/rides:", "/v2/rides:");
    }
  }

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

  @Test
  void lists_the_vehicles_near_a_place_through_fleet_core() throws Exception {
    String vehicles =
        "{\"vehicles\":[{\"id\":\"v-1\",\"plate\":\"B-PY 101\",\"location\":{\"lat\":52.52,"
            + "\"lon\":13.405},\"status\":\"AVAILABLE\",\"distanceKm\":0.4}]}";
    try (StubHttpServer fleetCore = StubHttpServer.answering(200, vehicles);
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> response =
          send(gateway, "GET", "/v1/vehicles?lat=52.5&lon=13.4&radiusKm=3", null, KEY);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(vehicles);
      assertThat(fleetCore.received().get(0).query()).isEqualTo("lat=52.5&lon=13.4&radiusKm=3.0");
    }
  }

  @Test
  void refuses_a_vehicle_search_without_a_number_before_asking_fleet_core() throws Exception {
    try (StubHttpServer fleetCore = StubHttpServer.answering(200, "{}");
        GatewayApp gateway = start(fleetCore.baseUrl())) {
      HttpResponse<String> response =
          send(gateway, "GET", "/v1/vehicles?lat=NaN&lon=13.4", null, KEY);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("\"field\":\"lat\"");
      assertThat(fleetCore.received()).isEmpty();
    }
  }

  @Test
  void serves_the_dashboard_without_key() throws Exception {
    try (GatewayApp gateway = start(StubHttpServer.unreachableUrl())) {
      HttpResponse<String> page = send(gateway, "GET", "/dashboard/", null, null);
      HttpResponse<String> script = send(gateway, "GET", "/dashboard/dashboard.js", null, null);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body()).contains("<title>Fleet dashboard</title>");
      assertThat(script.statusCode()).isEqualTo(200);
      assertThat(script.body()).contains("../v2/rides");
      assertThat(script.headers().firstValue("Cache-Control")).contains("no-cache");
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
