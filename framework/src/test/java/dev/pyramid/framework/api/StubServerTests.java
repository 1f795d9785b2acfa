package dev.pyramid.framework.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

@UnitTest
class StubServerTests {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int status(URI base, String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(base.resolve(path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Shared between the sample's tests to check what the second one sees of the first's stubs. */
  static final AtomicReference<URI> SAMPLE_SERVER = new AtomicReference<>();

  @WithStubServer(files = "stubs/sample")
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class FilesSample {
    @Test
    void a_sees_the_files_and_adds_a_stub(StubServer stubs) {
      SAMPLE_SERVER.set(stubs.baseUrl());
      stubs.stubFor(get(urlEqualTo("/added")).willReturn(ok()));
      assertThat(status(stubs.baseUrl(), "/hello")).isEqualTo(200);
      assertThat(status(stubs.baseUrl(), "/two")).isEqualTo(202);
      assertThat(status(stubs.baseUrl(), "/added")).isEqualTo(200);
    }

    @Test
    void b_does_not_see_the_stub_of_a_but_sees_the_files_again(StubServer stubs) {
      assertThat(stubs.baseUrl()).isEqualTo(SAMPLE_SERVER.get());
      assertThat(status(stubs.baseUrl(), "/added")).isEqualTo(404);
      assertThat(status(stubs.baseUrl(), "/one")).isEqualTo(201);
      assertThat(stubs.unmatchedRequests()).extracting(r -> r.getUrl()).containsExactly("/added");
    }
  }

  @WithStubServer(files = "stubs/nowhere")
  static class MissingFilesSample {
    @Test
    void never_runs() {}
  }

  @Test
  void should_load_files_per_test_and_remove_what_a_test_added() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(FilesSample.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void should_fail_a_test_whose_stub_folder_does_not_exist_naming_it() {
    var events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(MissingFilesSample.class))
            .execute()
            .testEvents();

    events.assertStatistics(stats -> stats.failed(1));
    assertThat(
            events.failed().stream()
                .map(
                    e ->
                        e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .orElseThrow()
                            .getThrowable()
                            .orElseThrow()
                            .getMessage()))
        .singleElement()
        .asString()
        .contains("classpath:stubs/nowhere")
        .contains("Fix:");
  }

  @Test
  void should_name_the_file_and_line_of_a_broken_mapping() {
    try (StubServer server = StubServer.start()) {
      assertThatThrownBy(() -> server.loadMappings("stubs/broken"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bad.json")
          .hasMessageContaining("line ");
    }
  }

  @Test
  void should_report_unmatched_requests_with_the_nearest_stub() {
    try (StubServer server = StubServer.start()) {
      server.loadMappings("stubs/sample");
      status(server.baseUrl(), "/helo");

      assertThat(server.unmatchedReport())
          .contains("1 request(s) matched no stub")
          .contains("GET /helo")
          .contains("Closest stubs")
          .contains("/hello");
    }
  }
}
