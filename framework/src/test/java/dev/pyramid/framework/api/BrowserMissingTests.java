package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Where no browser can start, a test fails with the package to install, never passes or skips. */
@UnitTest
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class BrowserMissingTests {

  @Test
  void a_missing_chromium_names_the_debian_packages_and_the_script() {
    String before = System.getProperty(Browser.BINARY_KEY);
    System.setProperty(Browser.BINARY_KEY, "/nonexistent/chromium");
    try {
      assertThatThrownBy(Browser::fresh)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "No Chromium at /nonexistent/chromium (pyramid.browser.binary): install Debian's"
                  + " chromium and chromium-driver (scripts/browser.sh, as root; or sudo apt-get"
                  + " install chromium chromium-driver)");
    } finally {
      if (before == null) {
        System.clearProperty(Browser.BINARY_KEY);
      } else {
        System.setProperty(Browser.BINARY_KEY, before);
      }
    }
  }
}
