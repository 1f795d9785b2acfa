package dev.pyramid.platform.gateway;

import dev.pyramid.platform.gateway.client.FleetCoreClient;
import io.javalin.Javalin;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running API gateway: the public API ({@code /v1}, and {@code /v2} of rides), guarded by API
 * keys, forwarding to fleet-core.
 *
 * <p>{@link #start(GatewayConfig)} returns once the server accepts connections; it does not wait
 * for fleet-core, whose absence shows as 503 answers. Several instances may run in one JVM.
 */
public final class GatewayApp implements AutoCloseable {

  /**
   * The classpath resource holding the gateway's OpenAPI document: every version of the public API,
   * served at {@code GET /openapi.yaml}, and what its tests validate traffic against.
   */
  public static final String OPENAPI_DOCUMENT = GatewayHttp.OPENAPI_DOCUMENT;

  private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);

  private final Javalin server;
  private final String host;

  private GatewayApp(Javalin server, String host) {
    this.server = server;
    this.host = host;
  }

  /** Starts the HTTP server on the configured host and port. */
  public static GatewayApp start(GatewayConfig config) {
    Javalin server =
        GatewayHttp.create(
            new ApiKeyCheck(config.apiKeys()), new FleetCoreClient(config.fleetCoreBaseUrl()));
    server.start(config.host(), config.port());
    GatewayApp app = new GatewayApp(server, config.host());
    LOG.info(
        "api-gateway listening on {}, forwarding to {}", app.baseUrl(), config.fleetCoreBaseUrl());
    return app;
  }

  /** The port the server listens on (the chosen one when the configuration asked for 0). */
  public int port() {
    return server.port();
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:8080}, without a trailing slash. */
  public URI baseUrl() {
    String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    if (shownHost.contains(":")) {
      shownHost = "[" + shownHost + "]";
    }
    return URI.create("http://" + shownHost + ":" + port());
  }

  /** Stops the HTTP server. Idempotent. */
  @Override
  public void close() {
    server.stop();
  }

  /** Runs the gateway configured from environment variables until the JVM is stopped. */
  public static void main(String[] args) {
    GatewayConfig config;
    try {
      config = GatewayConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("api-gateway: " + e.getMessage());
      System.exit(2);
      return;
    }
    GatewayApp app = start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "api-gateway-shutdown"));
  }
}
