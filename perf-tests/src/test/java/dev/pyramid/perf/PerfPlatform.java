package dev.pyramid.perf;

import dev.pyramid.framework.api.PostgresDatabase;
import dev.pyramid.framework.api.PostgresFixture;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.platform.fixtures.FleetPlatform;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.RoutingStubs;
import dev.pyramid.platform.fixtures.Stations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform a simulation loads: the same fixtures as the other layers (PostgreSQL, the routing
 * stub, fleet-core and api-gateway in-process), seeded through the named states.
 *
 * <p>Gatling builds a simulation outside JUnit, so the fixtures are started programmatically and
 * closed in reverse order by {@link #close()}.
 */
final class PerfPlatform implements AutoCloseable {

  private final PostgresFixture postgres;
  private final StubServer routing;
  private final FleetPlatform platform;

  private PerfPlatform(PostgresFixture postgres, StubServer routing, FleetPlatform platform) {
    this.postgres = postgres;
    this.routing = routing;
    this.platform = platform;
  }

  /** Starts the platform and parks {@code vehicles} vehicles near the central station. */
  static PerfPlatform start(int vehicles) {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      PostgresFixture postgres = PostgresFixture.fromSystemProperties();
      started.add(postgres);
      PostgresDatabase database = postgres.start();
      StubServer routing = StubServer.start();
      started.add(routing);
      RoutingStubs.eta(routing, RoutingStubs.DEFAULT_ETA_SECONDS);
      FleetPlatform platform = FleetPlatform.start(database, routing.baseUrl());
      started.add(platform);

      FleetStates states = FleetStates.on(platform.endpoints().fleetCoreUrl());
      for (int i = 0; i < vehicles; i++) {
        Place place = Stations.CENTRAL.north(25.0 * i);
        states.establish(
            FleetStates.VEHICLE_AVAILABLE_NEAR_STATION,
            Map.of("lat", place.lat(), "lon", place.lon(), "plate", "B-PERF " + i));
      }
      return new PerfPlatform(postgres, routing, platform);
    } catch (RuntimeException e) {
      closeAll(started, e);
      throw e;
    }
  }

  String gatewayUrl() {
    return platform.endpoints().gatewayUrl().toString();
  }

  String apiKey() {
    return platform.endpoints().apiKey();
  }

  double pickupLat() {
    return Stations.CENTRAL.lat();
  }

  double pickupLon() {
    return Stations.CENTRAL.lon();
  }

  @Override
  public void close() {
    closeAll(List.of(postgres, routing, platform), null);
  }

  /** Closes in reverse start order; the first failure wins, later ones are suppressed. */
  private static void closeAll(List<AutoCloseable> started, RuntimeException primary) {
    RuntimeException failure = primary;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Could not stop the perf platform", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null && primary == null) {
      throw failure;
    }
  }
}
