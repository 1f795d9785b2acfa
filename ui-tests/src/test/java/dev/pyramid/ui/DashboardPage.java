package dev.pyramid.ui;

import dev.pyramid.framework.api.Browser;
import dev.pyramid.platform.fixtures.Place;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operators' dashboard as a user sees it: what can be typed, clicked and read, by the ids the
 * page gives them. Every read waits for its condition.
 */
final class DashboardPage {
  /** Where a deployed environment serves the dashboard, when not at the gateway's /dashboard/. */
  static final String URL_KEY = "pyramid.target.dashboard-url";

  private final Browser browser;

  private DashboardPage(Browser browser) {
    this.browser = browser;
  }

  /** Opens the dashboard of the platform under test: {@value #URL_KEY}, else the gateway's. */
  static DashboardPage open(Browser browser, PlatformEndpoints platform) {
    String configured = System.getProperty(URL_KEY, "");
    URI url =
        configured.isBlank()
            ? platform.gatewayUrl().resolve("/dashboard/")
            : URI.create(configured);
    browser.open(url);
    browser.until(ExpectedConditions.titleIs("Fleet dashboard"));
    return new DashboardPage(browser);
  }

  DashboardPage signIn(String apiKey) {
    browser.secret(apiKey);
    browser.find(By.id("api-key")).sendKeys(apiKey);
    browser.find(By.id("sign-in-button")).click();
    return this;
  }

  /** Waits until the operator's panels show, and the sign-in form no more, after signing in. */
  DashboardPage signedIn() {
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("operations")));
    browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sign-in")));
    return this;
  }

  /** Chooses "Other place", types the station's coordinates and the radius, and asks. */
  DashboardPage showVehiclesNear(Place station, double radiusKm) {
    new Select(browser.find(By.id("station"))).selectByVisibleText("Other place");
    type("lat", decimal(station.lat()));
    type("lon", decimal(station.lon()));
    type("radius", decimal(radiusKm));
    browser.find(By.id("show-vehicles")).click();
    return this;
  }

  /** Waits until the vehicle list has a row for {@code plate} with {@code status}. */
  DashboardPage waitForVehicle(String plate, String status) {
    browser.until(
        d ->
            vehicleRows().stream()
                .anyMatch(row -> row.get(0).equals(plate) && row.get(1).equals(status)));
    return this;
  }

  /** The vehicle list as shown: per row its plate, status and distance. */
  List<List<String>> vehicleRows() {
    return browser.driver().findElements(By.cssSelector("#vehicles tbody tr")).stream()
        .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  DashboardPage book(String riderId) {
    type("rider", riderId);
    browser.find(By.id("book")).click();
    return this;
  }

  DashboardPage cancel() {
    browser.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
    return this;
  }

  /** Waits until the ride panel shows {@code status}; answers the ride panel's fields. */
  ShownRide rideWithStatus(String status) {
    browser.until(ExpectedConditions.textToBe(By.id("ride-status"), status));
    return new ShownRide(
        text("ride-id"), text("ride-status"), text("ride-vehicle"), text("ride-eta"));
  }

  /** The page's message once it says something. */
  String message() {
    return browser.until(
        d -> {
          WebElement message = d.findElement(By.id("message"));
          return message.isDisplayed() && !message.getText().isBlank() ? message.getText() : null;
        });
  }

  boolean operationsShown() {
    return browser.driver().findElement(By.id("operations")).isDisplayed();
  }

  boolean signInShown() {
    return browser.driver().findElement(By.id("sign-in")).isDisplayed();
  }

  /** What the ride panel shows. */
  record ShownRide(String id, String status, String vehicle, String eta) {}

  private String text(String id) {
    return browser.find(By.id(id)).getText();
  }

  private void type(String id, String value) {
    WebElement field = browser.find(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
