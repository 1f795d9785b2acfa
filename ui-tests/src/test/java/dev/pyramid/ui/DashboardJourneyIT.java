package dev.pyramid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.Browser;
import dev.pyramid.framework.api.UiTest;
import dev.pyramid.framework.api.WithBrowser;
import dev.pyramid.platform.fixtures.FleetStates;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.Stations;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator's journey through the dashboard in a real browser, against the platform under test
 * (in-process, or the deployed one the {@code pyramid.target.*} keys name): sign in, see the
 * vehicles near a station, book a ride, see its ETA, cancel it.
 */
@UiTest
@WithBrowser
@WithFleetPlatform
class DashboardJourneyIT {

  @Test
  void an_operator_books_a_ride_from_a_station_sees_its_eta_and_cancels_it(
      Browser browser, PlatformEndpoints platform, FleetStates states) {
    Place station = Stations.isolated("dashboard journey");
    Map<String, Object> vehicle =
        states.establish(
            FleetStates.VEHICLE_AVAILABLE_NEAR_STATION,
            Map.of("lat", station.lat(), "lon", station.lon()));
    String plate = (String) vehicle.get("plate");

    DashboardPage dashboard =
        DashboardPage.open(browser, platform).signIn(platform.apiKey()).signedIn();
    dashboard.showVehiclesNear(station, 2).waitForVehicle(plate, "AVAILABLE");
    assertThat(dashboard.vehicleRows()).containsExactly(List.of(plate, "AVAILABLE", "0.3 km"));

    DashboardPage.ShownRide booked = dashboard.book("rider-ui-1").rideWithStatus("ASSIGNED");
    dashboard.waitForVehicle(plate, "ASSIGNED");
    browser.attachScreenshot("ride booked: vehicle assigned, ETA shown");

    // The ETA shown is the one the public API gives for that ride.
    int etaSeconds =
        RestAssured.given(platform.gatewayApi().build())
            .get("/v2/rides/{id}", booked.id())
            .then()
            .statusCode(200)
            .extract()
            .path("eta.seconds");
    assertThat(booked.vehicle()).isEqualTo(plate);
    assertThat(booked.eta())
        .matches("\\d+ min \\(" + etaSeconds + " s\\), pickup at \\d{2}:\\d{2}:\\d{2} UTC");

    DashboardPage.ShownRide cancelled = dashboard.cancel().rideWithStatus("CANCELLED");
    dashboard.waitForVehicle(plate, "AVAILABLE");
    assertThat(cancelled.id()).isEqualTo(booked.id());
    assertThat(dashboard.message()).isEqualTo("Ride cancelled.");
    browser.attachScreenshot("ride cancelled: vehicle available again");
  }

  @Test
  void a_wrong_api_key_is_refused_and_shows_nothing(Browser browser, PlatformEndpoints platform) {
    DashboardPage dashboard = DashboardPage.open(browser, platform).signIn("not-a-key-3b1f");

    assertThat(dashboard.message())
        .isEqualTo("The gateway refused this API key. Sign in with a valid one.");
    assertThat(dashboard.operationsShown()).isFalse();
    assertThat(dashboard.signInShown()).isTrue();
  }
}
