package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.internal.http.SecretLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class SecretScanTests {
  @TempDir Path dir;

  private Path ledger(String... secrets) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (String secret : secrets) {
      lines
          .append(SecretLedger.fingerprint(secret))
          .append(' ')
          .append(secret.length())
          .append('\n');
    }
    return Files.writeString(dir.resolve("ledger.txt"), lines);
  }

  @Test
  void should_find_a_secret_in_any_file_and_name_the_file() throws IOException {
    Path results = Files.createDirectories(dir.resolve("allure-results"));
    Files.writeString(results.resolve("a-result.json"), "{\"name\":\"books a ride\"}");
    Files.writeString(
        results.resolve("b-attachment.html"), "<pre>X-Api-Key: pyramid-test-1234abcd</pre>");

    SecretScan.Result result =
        SecretScan.fromLedger(ledger("pyramid-test-1234abcd")).scan(List.of(results));

    assertThat(result.filesScanned()).isEqualTo(2);
    assertThat(result.leaks())
        .extracting(SecretScan.Leak::file)
        .containsExactly(results.resolve("b-attachment.html"));
  }

  @Test
  void should_find_a_secret_that_the_html_rendering_escaped() throws IOException {
    Path results = Files.createDirectories(dir.resolve("r"));
    Files.writeString(results.resolve("attachment.html"), "password: p&amp;ss&lt;word");

    assertThat(SecretScan.fromLedger(ledger("p&ss<word")).scan(List.of(results)).leaks())
        .hasSize(1);
  }

  @Test
  void should_find_nothing_where_the_secret_was_masked() throws IOException {
    Path results = Files.createDirectories(dir.resolve("r"));
    Files.writeString(results.resolve("attachment.html"), "X-Api-Key: [masked]");

    SecretScan.Result result =
        SecretScan.fromLedger(ledger("pyramid-test-1234abcd"))
            .scan(List.of(results, dir.resolve("absent")));

    assertThat(result.leaks()).isEmpty();
    assertThat(result.secrets()).isEqualTo(1);
  }

  @Test
  void should_name_the_line_of_a_malformed_ledger() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.txt"), "0123 5\n");

    assertThatThrownBy(() -> SecretScan.fromLedger(bad)).hasMessageContaining("bad.txt line 1");
  }

  @Test
  void a_layers_scan_searches_every_modules_allure_results_and_names_a_leak() throws IOException {
    Path own = Files.createDirectories(dir.resolve("repo/ui-tests/target/allure-results"));
    Path nested =
        Files.createDirectories(dir.resolve("repo/platform/gateway/target/allure-results"));
    // A copy inside a target/ folder (an invoker project) is not a module of this build.
    Path copy = Files.createDirectories(dir.resolve("repo/ex/target/it/svc/target/allure-results"));
    Files.writeString(own.resolve("a-result.json"), "{\"name\":\"books a ride\"}");
    Files.writeString(nested.resolve("b-attachment.txt"), "key pyramid-test-1234abcd");
    Files.writeString(copy.resolve("c-attachment.txt"), "key pyramid-test-1234abcd");
    Path ledger = ledger("pyramid-test-1234abcd");

    assertThatThrownBy(() -> SecretScan.verifyAllureResults(ledger, dir.resolve("repo"), own, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(nested.resolve("b-attachment.txt").toString())
        .hasMessageNotContaining("c-attachment.txt");

    Files.delete(nested.resolve("b-attachment.txt"));
    assertThat(SecretScan.verifyAllureResults(ledger, dir.resolve("repo"), own, 1).filesScanned())
        .isEqualTo(1);
  }

  @Test
  void a_layers_scan_fails_closed() throws IOException {
    Path own = Files.createDirectories(dir.resolve("repo/ui-tests/target/allure-results"));
    Files.writeString(own.resolve("a-result.json"), "{}");
    Path ledger = ledger("pyramid-test-1234abcd");

    assertThatThrownBy(
            () ->
                SecretScan.verifyAllureResults(
                    dir.resolve("no-ledger.txt"), dir.resolve("repo"), own, 1))
        .hasMessageContaining("No secret ledger at");
    assertThatThrownBy(() -> SecretScan.verifyAllureResults(ledger, dir.resolve("repo"), own, 2))
        .hasMessageContaining("holds 1 secret(s), fewer than the 2");
    assertThatThrownBy(
            () ->
                SecretScan.verifyAllureResults(
                    ledger, dir.resolve("repo"), dir.resolve("elsewhere/allure-results"), 1))
        .hasMessageContaining("is not among the allure-results under");
  }
}
