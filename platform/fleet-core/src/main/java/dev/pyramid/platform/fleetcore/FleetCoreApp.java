package dev.pyramid.platform.fleetcore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.pyramid.flags.FlagFileException;
import dev.pyramid.platform.fleetcore.flags.FleetFlags;
import dev.pyramid.platform.fleetcore.http.FleetCoreHttp;
import dev.pyramid.platform.fleetcore.rides.RideService;
import dev.pyramid.platform.fleetcore.routing.RoutingClient;
import dev.pyramid.platform.fleetcore.store.Database;
import dev.pyramid.platform.fleetcore.vehicles.VehicleRepository;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running fleet-core: schema migrated, connection pool open, HTTP API listening.
 *
 * <p>{@link #start(FleetCoreConfig)} returns once the server accepts connections; {@link #close()}
 * stops the server, then closes the pool. Several instances may run in one JVM.
 */
public final class FleetCoreApp implements AutoCloseable {

  /**
   * The classpath resource holding fleet-core's OpenAPI document: every version of its API, served
   * at {@code GET /openapi.yaml}, and what its tests validate traffic against.
   */
  public static final String OPENAPI_DOCUMENT = FleetCoreHttp.OPENAPI_DOCUMENT;

  private static final Logger LOG = LoggerFactory.getLogger(FleetCoreApp.class);

  private final Database database;
  private final Javalin server;
  private final String host;

  private FleetCoreApp(Database database, Javalin server, String host) {
    this.database = database;
    this.server = server;
    this.host = host;
  }

  /**
   * Migrates the database, opens the pool and starts the HTTP server on the configured host and
   * port.
   *
   * @throws dev.pyramid.platform.fleetcore.store.DatabaseException when the database is unreachable
   *     or a migration fails
   */
  public static FleetCoreApp start(FleetCoreConfig config) {
    // Instants as ISO-8601 text (2025-01-31T12:00:00.123Z), as the OpenAPI document says.
    ObjectMapper json =
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Database database = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
    try {
      RoutingClient routing =
          new RoutingClient(config.routingBaseUrl(), config.routingTimeout(), json);
      RideService rides =
          new RideService(
              database,
              routing,
              config.maxPickupKm(),
              OpenFeatureAPI.getInstance().getClient(FleetFlags.CLIENT));
      Javalin server = FleetCoreHttp.create(json, new VehicleRepository(database), rides);
      server.start(config.host(), config.port());
      FleetCoreApp app = new FleetCoreApp(database, server, config.host());
      LOG.info("fleet-core listening on {}", app.baseUrl());
      return app;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The port the server listens on (the chosen one when the configuration asked for 0). */
  public int port() {
    return server.port();
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:8081}, without a trailing slash. */
  public URI baseUrl() {
    String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    if (shownHost.contains(":")) {
      shownHost = "[" + shownHost + "]";
    }
    return URI.create("http://" + shownHost + ":" + port());
  }

  /** Stops the HTTP server, then closes the connection pool. Idempotent. */
  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      database.close();
    }
  }

  /** Runs fleet-core configured from environment variables until the JVM is stopped. */
  public static void main(String[] args) {
    FleetCoreConfig config;
    try {
      config = FleetCoreConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("fleet-core: " + e.getMessage());
      System.exit(2);
      return;
    }
    String flagsFile = System.getenv("FLAGS_FILE");
    if (flagsFile != null && !flagsFile.isBlank()) {
      String registry = System.getenv().getOrDefault("FLAGS_REGISTRY", "");
      if (registry.isBlank()) {
        System.err.println(
            "fleet-core: FLAGS_FILE is set but FLAGS_REGISTRY is not; give the flag registry"
                + " (flags/registry.flagd.json) that the stage's file is checked against");
        System.exit(2);
        return;
      }
      try {
        OpenFeatureAPI.getInstance()
            .setProviderAndWait(FleetFlags.fromStageFile(Path.of(flagsFile), Path.of(registry)));
      } catch (FlagFileException e) {
        System.err.println("fleet-core: refusing to start: " + e.getMessage());
        System.exit(2);
        return;
      }
    }
    FleetCoreApp app;
    try {
      app = start(config);
    } catch (RuntimeException e) {
      // Exits rather than rethrows: the flag provider's file watcher would keep the JVM alive.
      System.err.println("fleet-core: cannot start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  OpenFeatureAPI.getInstance().shutdown();
                },
                "fleet-core-shutdown"));
  }
}
