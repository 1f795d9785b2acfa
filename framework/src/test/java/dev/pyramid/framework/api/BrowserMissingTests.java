package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Where no browser can start, a browser test errors with the package to install, never passes or
 * skips: a sample class run through the Jupiter engine with Chromium's path pointing nowhere.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class BrowserMissingTests {
  private static final AtomicInteger BODIES_RUN = new AtomicInteger();

  @WithBrowser
  static class NeedsABrowser {
    @Test
    void first(Browser browser) {
      BODIES_RUN.incrementAndGet();
    }

    @Test
    void second(Browser browser) {
      BODIES_RUN.incrementAndGet();
    }
  }

  @Test
  void every_browser_test_errors_naming_the_debian_packages_and_the_script() {
    String before = System.getProperty(Browser.BINARY_KEY);
    System.setProperty(Browser.BINARY_KEY, "/nonexistent/chromium");
    BODIES_RUN.set(0);
    Events tests;
    try {
      tests =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(NeedsABrowser.class))
              .execute()
              .testEvents();
    } finally {
      if (before == null) {
        System.clearProperty(Browser.BINARY_KEY);
      } else {
        System.setProperty(Browser.BINARY_KEY, before);
      }
    }

    tests.assertStatistics(stats -> stats.started(2).succeeded(0).failed(2).aborted(0));
    tests
        .assertThatEvents()
        .haveExactly(
            2,
            event(
                test(),
                finishedWithFailure(
                    instanceOf(BrowserUnavailableException.class),
                    message(
                        "No browser could start: no Chromium at /nonexistent/chromium"
                            + " (pyramid.browser.binary): install Debian's chromium and"
                            + " chromium-driver (scripts/browser.sh, as root; or sudo"
                            + " apt-get install chromium chromium-driver)"))));
    assertThat(BODIES_RUN).hasValue(0);
  }
}
