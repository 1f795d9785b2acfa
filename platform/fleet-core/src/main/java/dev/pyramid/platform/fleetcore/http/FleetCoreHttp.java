package dev.pyramid.platform.fleetcore.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.platform.fleetcore.rides.Ride;
import dev.pyramid.platform.fleetcore.rides.RideException;
import dev.pyramid.platform.fleetcore.rides.RideService;
import dev.pyramid.platform.fleetcore.routing.RoutingUnavailableException;
import dev.pyramid.platform.fleetcore.vehicles.Vehicle;
import dev.pyramid.platform.fleetcore.vehicles.VehicleRepository;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** fleet-core's JSON API on Javalin: the routes and how every failure becomes an error body. */
public final class FleetCoreHttp {

  /** The classpath resource of the OpenAPI document, served at {@code GET /openapi.yaml}. */
  public static final String OPENAPI_DOCUMENT = "openapi/fleet-core.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(FleetCoreHttp.class);

  private final RequestBodies bodies;
  private final VehicleRepository vehicles;
  private final RideService rides;

  private FleetCoreHttp(RequestBodies bodies, VehicleRepository vehicles, RideService rides) {
    this.bodies = bodies;
    this.vehicles = vehicles;
    this.rides = rides;
  }

  /** A Javalin server, not yet started, serving the API. */
  public static Javalin create(ObjectMapper json, VehicleRepository vehicles, RideService rides) {
    FleetCoreHttp api = new FleetCoreHttp(new RequestBodies(json), vehicles, rides);
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.jsonMapper(new JavalinJackson(json, false));
            });
    byte[] document = resource(OPENAPI_DOCUMENT);
    app.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    app.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(document.clone()));
    app.post("/v1/vehicles", api::registerVehicle);
    app.get("/v1/vehicles", api::vehiclesNear);
    app.get("/v1/vehicles/{id}", api::findVehicle);
    app.post("/v1/rides", api::requestRide);
    app.get("/v1/rides/{id}", api::findRide);
    app.post("/v1/rides/{id}/cancel", api::cancelRide);

    app.exception(
        InvalidRequestException.class,
        (e, ctx) ->
            ctx.status(400)
                .json(new ApiError("invalid_request", e.getMessage(), e.field().orElse(null))));
    app.exception(
        RideException.class,
        (e, ctx) -> {
          switch (e.kind()) {
            case NOT_FOUND -> ctx.status(404).json(ApiError.of("not_found", e.getMessage()));
            case NO_VEHICLE_AVAILABLE ->
                ctx.status(409).json(ApiError.of("no_vehicle_available", e.getMessage()));
            case NOT_CANCELLABLE ->
                ctx.status(409).json(ApiError.of("ride_not_cancellable", e.getMessage()));
          }
        });
    app.exception(
        RoutingUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("Routing API unavailable: {}", e.getMessage());
          ctx.status(502)
              .json(
                  ApiError.of(
                      "routing_unavailable",
                      "The routing service could not estimate the pickup time; no ride was created"));
        });
    // Javalin signals unmatched routes (404) and the like with HttpResponseException.
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            ctx.status(e.getStatus())
                .json(
                    e.getStatus() == 404
                        ? ApiError.of(
                            "not_found", "No resource at " + ctx.method() + " " + ctx.path())
                        : ApiError.of("http_" + e.getStatus(), e.getMessage())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          ctx.status(500).json(ApiError.of("internal_error", "fleet-core failed unexpectedly"));
        });
    return app;
  }

  private void registerVehicle(Context ctx) {
    RequestBodies.VehicleRegistration registration = bodies.vehicleRegistration(ctx.body());
    ctx.status(201).json(vehicles.register(registration.plate(), registration.location()));
  }

  private void vehiclesNear(Context ctx) {
    VehicleSearch search =
        VehicleSearch.of(ctx.queryParam("lat"), ctx.queryParam("lon"), ctx.queryParam("radiusKm"));
    ctx.json(Map.of("vehicles", vehicles.near(search.place(), search.radiusKm())));
  }

  private void findVehicle(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Vehicle> vehicle = uuid(id).flatMap(vehicles::find);
    if (vehicle.isPresent()) {
      ctx.json(vehicle.get());
    } else {
      ctx.status(404).json(ApiError.of("not_found", "Vehicle " + id + " not found"));
    }
  }

  private void requestRide(Context ctx) {
    Ride ride = rides.request(bodies.rideRequest(ctx.body()));
    ctx.status(201).json(ride);
  }

  private void findRide(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(uuid(id).flatMap(rides::find).orElseThrow(() -> RideService.notFound(id)));
  }

  private void cancelRide(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(rides.cancel(uuid(id).orElseThrow(() -> RideService.notFound(id))));
  }

  private static byte[] resource(String name) {
    try (InputStream in = FleetCoreHttp.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from fleet-core's classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }

  // A malformed id cannot name a resource, so it is "not found" rather than a bad request.
  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
