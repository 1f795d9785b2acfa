package dev.pyramid.platform.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.platform.gateway.client.FleetCoreClient;
import dev.pyramid.platform.gateway.client.FleetCoreException;
import dev.pyramid.platform.gateway.client.FleetCoreUnavailableException;
import dev.pyramid.platform.gateway.client.Ride;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's public HTTP API on Javalin: key check, forwarding, and error bodies. Rides are
 * served in {@code /v1} and {@code /v2} by the same operations, each version with its own view
 * ({@link RideViews}); vehicles only in {@code /v1}. The operators' dashboard is served at {@code
 * /dashboard/}.
 */
final class GatewayHttp {

  static final String API_KEY_HEADER = "X-Api-Key";

  /** Where the operators' dashboard is served (classpath {@code dashboard/}). */
  static final String DASHBOARD_PATH = "/dashboard";

  /** The classpath resource of the OpenAPI document, served at {@code GET /openapi.yaml}. */
  static final String OPENAPI_DOCUMENT = "openapi/api-gateway.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(GatewayHttp.class);

  private GatewayHttp() {}

  /** The same shape as fleet-core's error bodies: {@code {"error", "message", "field"?}}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ApiError(String error, String message, String field) {}

  /** Signals an answer the gateway gives itself, before or instead of asking fleet-core. */
  private static final class Refusal extends RuntimeException {
    private final int status;
    private final String error;

    Refusal(int status, String error, String message) {
      super(message);
      this.status = status;
      this.error = error;
    }
  }

  static Javalin create(ApiKeyCheck keys, FleetCoreClient fleetCore) {
    RequestBodies bodies = new RequestBodies();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
              // The operators' dashboard: static files that call the public API below.
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = DASHBOARD_PATH;
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                    // A rolling update replaces the page with the API: never an old script.
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
            });
    byte[] document = resource(OPENAPI_DOCUMENT);
    app.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(document.clone()));
    for (String version : new String[] {"/v1/*", "/v2/*"}) {
      app.before(
          version,
          ctx -> {
            if (!keys.accepts(ctx.header(API_KEY_HEADER))) {
              throw new Refusal(
                  401, "unauthorized", "A valid " + API_KEY_HEADER + " header is required");
            }
          });
    }
    rides(app, "/v1", RideViews::v1, fleetCore, bodies);
    rides(app, "/v2", RideViews::v2, fleetCore, bodies);
    app.get(
        "/v1/vehicles",
        ctx -> {
          RequestBodies.VehicleSearch search =
              bodies.vehicleSearch(
                  ctx.queryParam("lat"), ctx.queryParam("lon"), ctx.queryParam("radiusKm"));
          ctx.json(Map.of("vehicles", fleetCore.vehiclesNear(search.place(), search.radiusKm())));
        });
    app.post(
        "/v1/vehicles",
        ctx ->
            ctx.status(201)
                .json(fleetCore.registerVehicle(bodies.vehicleRegistration(ctx.body()))));

    app.exception(
        Refusal.class,
        (e, ctx) -> ctx.status(e.status).json(new ApiError(e.error, e.getMessage(), null)));
    app.exception(
        InvalidRequestException.class,
        (e, ctx) ->
            ctx.status(400).json(new ApiError("invalid_request", e.getMessage(), e.field())));
    app.exception(
        FleetCoreException.class,
        (e, ctx) -> {
          if (e.status() >= 400) {
            ctx.status(e.status())
                .json(new ApiError(e.error(), e.getMessage(), e.field().orElse(null)));
          } else {
            // fleet-core said yes but in a shape we cannot read: that is fleet-core's fault, not
            // the caller's.
            LOG.error("Unreadable answer from fleet-core: {}", e.getMessage());
            ctx.status(502)
                .json(
                    new ApiError(
                        "fleet_core_bad_response",
                        "fleet-core answered in an unexpected shape",
                        null));
          }
        });
    app.exception(
        FleetCoreUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("fleet-core unavailable: {}", e.getMessage());
          ctx.status(503)
              .json(
                  new ApiError(
                      "fleet_core_unavailable",
                      "fleet-core is unavailable; try again later",
                      null));
        });
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            ctx.status(e.getStatus())
                .json(
                    e.getStatus() == 404
                        ? new ApiError(
                            "not_found", "No resource at " + ctx.method() + " " + ctx.path(), null)
                        : new ApiError("http_" + e.getStatus(), e.getMessage(), null)));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          ctx.status(500)
              .json(new ApiError("internal_error", "The gateway failed unexpectedly", null));
        });
    return app;
  }

  /** The ride routes of one API version: the same operations, written with that version's view. */
  private static void rides(
      Javalin app,
      String version,
      Function<Ride, ?> view,
      FleetCoreClient fleetCore,
      RequestBodies bodies) {
    app.post(
        version + "/rides",
        ctx ->
            ctx.status(201)
                .json(view.apply(fleetCore.requestRide(bodies.rideRequest(ctx.body())))));
    app.get(
        version + "/rides/{id}",
        ctx -> {
          String id = ctx.pathParam("id");
          Ride ride =
              fleetCore
                  .findRide(id)
                  .orElseThrow(() -> new Refusal(404, "not_found", "Ride " + id + " not found"));
          ctx.json(view.apply(ride));
        });
    app.post(
        version + "/rides/{id}/cancel",
        ctx -> ctx.json(view.apply(fleetCore.cancelRide(ctx.pathParam("id")))));
  }

  private static byte[] resource(String name) {
    try (InputStream in = GatewayHttp.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from api-gateway's classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }
}
