package dev.pyramid.reporting.apidiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever is not an OpenAPI 3.0 document is refused, naming the input and the reason. */
@UnitTest
class ApiDocumentReaderTests {

  private static final String MINIMAL =
      """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /v1/ping:
          get:
            responses:
              '200': {description: pong}
      """;

  @TempDir Path dir;

  @Test
  void a_yaml_document_is_read_with_its_paths() throws Exception {
    Path file = write("api.yaml", MINIMAL);

    ApiDocument document = ApiDocumentReader.read(file.toString());

    assertThat(document.source()).isEqualTo(file.toString());
    assertThat(document.api().getPaths()).containsOnlyKeys("/v1/ping");
  }

  @Test
  void an_empty_file_is_refused() throws Exception {
    assertRefused(write("empty.yaml", " \n"), "empty: not an OpenAPI document");
  }

  @Test
  void json_that_is_not_openapi_is_refused_listing_its_keys() throws Exception {
    assertRefused(
        write("package.json", "{\"name\": \"fleet\", \"version\": \"1.0.0\"}"),
        "not an OpenAPI 3.0 document: no 'openapi' key (top-level keys: name, version)");
  }

  @Test
  void yaml_that_is_not_a_map_is_refused() throws Exception {
    assertRefused(write("list.yaml", "- openapi\n- 3.0.3\n"), "its top level is array, not a map");
  }

  @Test
  void broken_syntax_is_refused_with_the_parsers_reason_and_line() throws Exception {
    assertRefused(write("broken.json", "{\"openapi\": \"3.0.3\",\n \"paths\": [}"), "line 2");
    assertRefused(write("broken.yaml", "openapi: 3.0.3\npaths: [\n"), "not valid YAML");
  }

  @Test
  void a_duplicate_key_is_refused_rather_than_one_of_them_kept() throws Exception {
    assertRefused(write("dup.yaml", MINIMAL + "paths: {}\n"), "duplicate key 'paths' at line 8");
  }

  @Test
  void a_swagger_2_document_and_an_unknown_version_are_refused() throws Exception {
    assertRefused(write("swagger.yaml", "swagger: '2.0'\npaths: {}\n"), "a Swagger 2.0 document");
    assertRefused(write("four.yaml", "openapi: 4.0.0\npaths: {}\n"), "'4.0.0' is not a version");
  }

  @Test
  void openapi_31_is_refused_saying_why() throws Exception {
    Path file = BuildTree.resource("apidiff/openapi-31/new.yaml");

    assertRefused(file, "OpenAPI 3.1.0 is refused: openapi-diff 2.1.7 does not compare 3.1");
  }

  @Test
  void a_yaml_alias_bomb_is_refused_within_seconds() throws Exception {
    // Nine levels of nine aliases: 9^9 strings once expanded; swagger-parser spends about a minute.
    String bomb =
        "openapi: 3.0.3\nlol0: &lol0 lol\n"
            + IntStream.rangeClosed(1, 9)
                .mapToObj(
                    i ->
                        "lol"
                            + i
                            + ": &lol"
                            + i
                            + " ["
                            + ("*lol" + (i - 1) + ",").repeat(8)
                            + "*lol"
                            + (i - 1)
                            + "]")
                .collect(Collectors.joining("\n"));
    Path file = write("bomb.yaml", bomb);

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(file, "not valid YAML"));
  }

  @Test
  void a_bomb_within_the_alias_count_is_refused_by_its_expanded_size() throws Exception {
    // 25 levels of 2 aliases: 50 aliases, SnakeYAML's default limit, yet 2^25 nodes expanded.
    StringBuilder bomb = new StringBuilder("openapi: 3.0.3\na0: &a0 [x, y]\n");
    for (int i = 1; i <= 25; i++) {
      bomb.append("a")
          .append(i)
          .append(": &a")
          .append(i)
          .append(" [*a")
          .append(i - 1)
          .append(", *a")
          .append(i - 1)
          .append("]\n");
    }
    Path file = write("bomb2.yaml", bomb.toString());

    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertRefused(file, "a YAML alias bomb?"));
  }

  @Test
  void a_missing_file_and_a_directory_are_refused() throws Exception {
    assertRefused(dir.resolve("nothing.yaml"), "no such file");
    assertRefused(dir, "not a regular file");
  }

  @Test
  void a_url_is_fetched_and_an_http_error_named() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/openapi.yaml",
        exchange -> {
          byte[] body = MINIMAL.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/gone",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();

      assertThat(ApiDocumentReader.read(base + "/openapi.yaml").api().getPaths())
          .containsOnlyKeys("/v1/ping");
      assertThatThrownBy(() -> ApiDocumentReader.read(base + "/gone"))
          .isInstanceOf(UnreadableApiDocumentException.class)
          .hasMessage(base + "/gone: HTTP 404 (expected 2xx)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void a_url_nobody_answers_is_refused_naming_it() throws Exception {
    String url = "http://127.0.0.1:" + closedPort() + "/openapi.yaml";

    assertThatThrownBy(() -> ApiDocumentReader.read(url))
        .isInstanceOf(UnreadableApiDocumentException.class)
        .hasMessageStartingWith(url + ": cannot be fetched: cannot connect to 127.0.0.1:");
  }

  @Test
  void a_scheme_other_than_http_is_refused() {
    assertThatThrownBy(() -> ApiDocumentReader.read("ftp://example.invalid/api.yaml"))
        .hasMessageContaining("only http and https URLs are fetched");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertRefused(Path file, String reason) {
    assertThatThrownBy(() -> ApiDocumentReader.read(file.toString()))
        .isInstanceOf(UnreadableApiDocumentException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(reason);
  }

  /** A port that was free a moment ago: nothing listens on it. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
