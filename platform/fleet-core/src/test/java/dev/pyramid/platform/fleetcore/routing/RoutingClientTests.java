package dev.pyramid.platform.fleetcore.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.platform.fleetcore.geo.Location;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@UnitTest
class RoutingClientTests {

  private static final Location FROM = new Location(52.53, 13.41);
  private static final Location TO = new Location(52.52, 0.0001);

  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stopServer() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void readsTheEtaAndSendsPlainDecimalCoordinates() throws IOException {
    AtomicReference<URI> seen = new AtomicReference<>();
    serve(
        exchange -> {
          seen.set(exchange.getRequestURI());
          respond(exchange, 200, "{\"etaSeconds\":240,\"distanceMeters\":1200}");
        });

    int eta = client(Duration.ofSeconds(2)).etaSeconds(FROM, TO);

    assertThat(eta).isEqualTo(240);
    assertThat(seen.get().getPath()).isEqualTo("/v1/eta");
    assertThat(seen.get().getQuery())
        .isEqualTo("fromLat=52.53&fromLon=13.41&toLat=52.52&toLon=0.0001");
  }

  @Test
  void treatsAServerErrorAsUnavailable() throws IOException {
    serve(exchange -> respond(exchange, 503, "{\"etaSeconds\":240}"));

    assertThatThrownBy(() -> client(Duration.ofSeconds(2)).etaSeconds(FROM, TO))
        .isInstanceOf(RoutingUnavailableException.class)
        .hasMessageContaining("503");
  }

  @Test
  void treatsAnUnparsableBodyAsUnavailable() throws IOException {
    serve(exchange -> respond(exchange, 200, "<html>oops</html>"));

    assertThatThrownBy(() -> client(Duration.ofSeconds(2)).etaSeconds(FROM, TO))
        .isInstanceOf(RoutingUnavailableException.class);
  }

  @Test
  void treatsAMissingEtaAsUnavailable() throws IOException {
    serve(exchange -> respond(exchange, 200, "{\"eta\":240}"));

    assertThatThrownBy(() -> client(Duration.ofSeconds(2)).etaSeconds(FROM, TO))
        .isInstanceOf(RoutingUnavailableException.class)
        .hasMessageContaining("etaSeconds");
  }

  @Test
  void treatsASlowAnswerAsUnavailable() throws IOException {
    serve(
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, "{\"etaSeconds\":240}");
        });

    assertThatThrownBy(() -> client(Duration.ofMillis(200)).etaSeconds(FROM, TO))
        .isInstanceOf(RoutingUnavailableException.class);
  }

  @Test
  void treatsARefusedConnectionAsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RoutingClient client =
        new RoutingClient(
            URI.create("http://127.0.0.1:" + closedPort),
            Duration.ofSeconds(2),
            new ObjectMapper());

    assertThatThrownBy(() -> client.etaSeconds(FROM, TO))
        .isInstanceOf(RoutingUnavailableException.class);
  }

  private RoutingClient client(Duration timeout) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new RoutingClient(base, timeout, new ObjectMapper());
  }

  private void serve(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            handler.handle(exchange);
          }
        });
    server.start();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @FunctionalInterface
  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }
}
