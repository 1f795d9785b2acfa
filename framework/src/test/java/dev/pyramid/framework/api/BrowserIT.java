package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browser fixture against a page of its own, served on a free port: real Chromium, waits on
 * conditions, a fresh window per test, and what a failed test attaches (screenshot, HTML, console),
 * secrets masked.
 */
@UiTest
@WithBrowser
class BrowserIT {
  private static final String KEY = "key-4f1d2c9a-secret";
  private static HttpServer server;

  @BeforeAll
  static void page() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              ("""
              <!doctype html><html><body>
              <input id="key" type="password"><button id="go">Sign in</button>
              <p id="out"></p>
              <script>
                document.getElementById('go').onclick = () => setTimeout(() => {
                  const key = document.getElementById('key').value;
                  console.error('signed in with ' + key);
                  document.getElementById('out').textContent = 'signed in as ' + key;
                  localStorage.setItem('key', key);
                }, 300);
                document.body.dataset.stored = localStorage.getItem('key') || 'none';
              </script>
              </body></html>
              """)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Test
  void waits_for_what_the_page_does_and_masks_secrets_in_what_a_failure_attaches(Browser browser) {
    browser.secret(KEY).open(url());
    browser.find(By.id("key")).sendKeys(KEY);
    browser.find(By.id("go")).click();

    browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("out"), "signed in"));

    assertThat(browser.screenshot()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(browser.html()).contains("signed in as [masked]").doesNotContain(KEY);
    assertThat(browser.consoleLog())
        .contains("SEVERE")
        .contains("signed in with [masked]")
        .doesNotContain(KEY);
  }

  @Test
  void each_test_starts_with_no_storage_left_by_another(Browser browser) {
    browser.open(url());
    browser.find(By.id("key")).sendKeys("other-test-value");
    browser.find(By.id("go")).click();
    browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("out"), "signed in"));

    Browser.fresh().open(url());

    assertThat(browser.find(By.tagName("body")).getAttribute("data-stored")).isEqualTo("none");
  }
}
