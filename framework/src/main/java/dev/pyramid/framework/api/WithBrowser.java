package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Gives tests a real browser: a {@link Browser} parameter, driving Debian's headless Chromium
 * through its chromedriver with Selenium (never Selenium Manager: nothing is downloaded).
 *
 * <pre>{@code
 * @UiTest
 * @WithBrowser
 * class DashboardIT {
 *   @Test
 *   void books_a_ride(Browser browser) {
 *     browser.open(dashboardUrl);
 *     browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("eta")));
 *   }
 * }
 * }</pre>
 *
 * <p>One browser per JVM, started on first use and stopped when the JVM ends; each test starts on a
 * blank page in a fresh window, with no cookie left by another and the storage of every origin a
 * test opened ({@link Browser#open}) cleared. The browser is one WebDriver session, which serves
 * one test at a time: the annotation holds the resource lock {@value Browser#LOCK} for writing, so
 * browser tests run one after another while other tests run in parallel. When a test fails, its
 * Allure result gets a screenshot, the page's HTML and the browser's console log, with the secrets
 * the test named ({@link Browser#secret}) masked in the text.
 *
 * <p>Configuration (system properties): {@value Browser#BINARY_KEY} (default {@code
 * /usr/bin/chromium}), {@value Browser#DRIVER_KEY} (Selenium's own; default {@code
 * /usr/bin/chromedriver}). When either is missing, the test fails naming the Debian package and the
 * fix ({@code scripts/browser.sh}); it is never skipped.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(BrowserExtension.class)
@ResourceLock(value = Browser.LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface WithBrowser {}
