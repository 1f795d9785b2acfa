package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.http.SecretLedger;
import dev.pyramid.framework.internal.http.SecretMasking;
import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for one test: Debian's headless Chromium, driven by Selenium through Debian's
 * chromedriver. Obtained as a parameter of a test annotated {@link WithBrowser}. Waits are on
 * conditions ({@link #until}), never sleeps.
 */
public final class Browser {
  /** The {@code @ResourceLock} name of the JVM's one browser. */
  public static final String LOCK = "pyramid.browser";

  /** The system property naming the Chromium binary. */
  public static final String BINARY_KEY = "pyramid.browser.binary";

  /** Selenium's system property naming the chromedriver binary. */
  public static final String DRIVER_KEY = ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY;

  /** How long {@link #until} waits by default. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private static final String FIX =
      "install Debian's chromium and chromium-driver (scripts/browser.sh, as root; or sudo apt-get"
          + " install chromium chromium-driver)";

  private static ChromeDriver shared;
  // Every origin a test opened: its storage is cleared before the next test.
  private static final Set<String> ORIGINS = new CopyOnWriteArraySet<>();

  private final ChromeDriver driver;
  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /**
   * The JVM's browser, started on first use, on a fresh blank window with no cookie or storage.
   *
   * @throws BrowserUnavailableException naming the missing package and the fix
   */
  static synchronized Browser fresh() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::quit, "pyramid-browser-quit"));
    }
    ChromeDriver driver = shared;
    // A new window, then every other closed: no page, history or handle of an earlier test.
    driver.switchTo().newWindow(WindowType.WINDOW);
    String current = driver.getWindowHandle();
    for (String handle : new ArrayList<>(driver.getWindowHandles())) {
      if (!handle.equals(current)) {
        driver.switchTo().window(handle).close();
      }
    }
    driver.switchTo().window(current);
    driver.manage().deleteAllCookies();
    for (String origin : ORIGINS) {
      driver.executeCdpCommand(
          "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
    }
    driver.get("about:blank");
    driver.manage().logs().get(LogType.BROWSER); // drains what earlier tests logged
    return new Browser(driver);
  }

  private static ChromeDriver start() {
    Path binary = Path.of(System.getProperty(BINARY_KEY, "/usr/bin/chromium"));
    Path chromedriver = Path.of(System.getProperty(DRIVER_KEY, "/usr/bin/chromedriver"));
    if (!Files.isExecutable(binary)) {
      throw new BrowserUnavailableException(
          "no Chromium at " + binary + " (" + BINARY_KEY + "): " + FIX, null);
    }
    if (!Files.isExecutable(chromedriver)) {
      throw new BrowserUnavailableException(
          "no chromedriver at " + chromedriver + " (" + DRIVER_KEY + "): " + FIX, null);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    try {
      return new ChromeDriver(service, options);
    } catch (WebDriverException e) {
      // Both binaries are there but no session starts: most often versions that do not match.
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new BrowserUnavailableException(
          chromedriver
              + " could not start "
              + binary
              + " ("
              + first
              + "): install Chromium and chromedriver of the same version, as Debian's chromium"
              + " and chromium-driver are (scripts/browser.sh)",
          e);
    }
  }

  /** Opens {@code url} in this test's window. */
  public Browser open(URI url) {
    ORIGINS.add(url.getScheme() + "://" + url.getAuthority());
    driver.get(url.toString());
    return this;
  }

  /** Waits up to {@link #DEFAULT_WAIT} for {@code condition}; returns what it yields. */
  public <T> T until(ExpectedCondition<T> condition) {
    return until(condition, DEFAULT_WAIT);
  }

  /** Waits up to {@code timeout} for {@code condition}; returns what it yields. */
  public <T> T until(ExpectedCondition<T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(condition);
  }

  /** The element {@code by} finds, once it is there (waits as {@link #until}). */
  public WebElement find(By by) {
    return until(d -> d.findElement(by));
  }

  /**
   * Names a value the test types or the page shows that must never reach a report (an API key):
   * masked in the page's HTML and console log attached on failure, and listed for the secret scan.
   */
  public Browser secret(String value) {
    secrets.add(Objects.requireNonNull(value, "value"));
    SecretLedger.record(value);
    return this;
  }

  /**
   * Attaches a screenshot of the page as it is now to the test's Allure result, named {@code name}:
   * what a reviewer sees of a journey that passed. A screenshot is an image, so nothing in it can
   * be masked: take it where no secret is shown (a password field shows dots).
   */
  public Browser attachScreenshot(String name) {
    Allure.addAttachment(name, "image/png", new ByteArrayInputStream(screenshot()), "png");
    return this;
  }

  /** Selenium's driver, for what this class does not wrap. */
  public WebDriver driver() {
    return driver;
  }

  byte[] screenshot() {
    return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
  }

  String html() {
    return mask(
        Optional.ofNullable(
                (String)
                    ((JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.outerHTML"))
            .orElse(""));
  }

  String consoleLog() {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    return mask(
        entries.stream()
            .map(entry -> entry.getLevel() + " " + entry.getMessage())
            .collect(Collectors.joining("\n")));
  }

  String url() {
    return mask(driver.getCurrentUrl());
  }

  private String mask(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, SecretMasking.MASK);
    }
    return masked;
  }
}
