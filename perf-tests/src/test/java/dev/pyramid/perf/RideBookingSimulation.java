package dev.pyramid.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Locale;

/**
 * Riders book, look up and cancel rides through the public API for about fifteen seconds, against
 * the platform started in-process (embedded PostgreSQL, WireMock as the routing API), seeded from
 * fleet-fixtures' named states.
 *
 * <p>Its assertions are the perf layer's budgets; Gatling reports them in the run's index.html,
 * where the gate reads them.
 */
public class RideBookingSimulation extends Simulation {

  /** Budgets: the 95th percentile of every request, and the share of failed requests. */
  static final int P95_BUDGET_MS = 500;

  static final double MAX_FAILED_PERCENT = 1.0;
  static final int SEEDED_VEHICLES = 30;

  private final PerfPlatform platform = PerfPlatform.start(SEEDED_VEHICLES);

  private final HttpProtocolBuilder gateway =
      http.baseUrl(platform.gatewayUrl())
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .header("X-Api-Key", platform.apiKey());

  private final ScenarioBuilder bookAndCancel =
      scenario("Book, look up and cancel a ride")
          .exec(session -> session.set("riderId", "rider-" + session.userId()))
          .exec(
              http("book a ride")
                  .post("/v1/rides")
                  .body(
                      StringBody(
                          String.format(
                              Locale.ROOT,
                              "{\"riderId\":\"#{riderId}\",\"pickup\":{\"lat\":%s,\"lon\":%s},"
                                  + "\"dropoff\":{\"lat\":52.5163,\"lon\":13.3777}}",
                              platform.pickupLat(),
                              platform.pickupLon())))
                  .check(status().is(201), jsonPath("$.id").saveAs("rideId")))
          .exec(http("look up the ride").get("/v1/rides/#{rideId}").check(status().is(200)))
          .exec(http("cancel the ride").post("/v1/rides/#{rideId}/cancel").check(status().is(200)));

  {
    setUp(
            bookAndCancel.injectOpen(
                rampUsersPerSec(1).to(15).during(5), constantUsersPerSec(15).during(10)))
        .protocols(gateway)
        .assertions(
            global().responseTime().percentile(95.0).lt(P95_BUDGET_MS),
            global().failedRequests().percent().lt(MAX_FAILED_PERCENT),
            details("book a ride").responseTime().percentile(95.0).lt(P95_BUDGET_MS));
  }

  @Override
  public void after() {
    platform.close();
  }
}
