package dev.pyramid.reporting.apidiff;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an OpenAPI 3.0 document from a file or an http(s) URL, refusing whatever cannot be compared
 * faithfully, each time with the input's name and the reason.
 *
 * <p>The text is parsed here, within bounds ({@link YamlTree}), and checked to be an OpenAPI 3.0
 * document before swagger-parser sees it: swagger-parser answers a text that is not OpenAPI with an
 * empty API and a list of messages rather than an error, so that openapi-diff would compare it as
 * "no endpoints". OpenAPI 3.1 is refused: openapi-diff 2.1.7 does not compare its schemas (a
 * property's type change and a field removed from array items pass unseen; upstream issues 910, 745
 * and 528, reproduced in {@code ApiDiffTests}).
 *
 * <p>Thread-safe: no state.
 */
public final class ApiDocumentReader {

  /** Larger than any API document; a bigger input is refused before it is parsed. */
  static final int MAX_BYTES = 32 * 1024 * 1024;

  private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  private static final Pattern OPENAPI_30 = Pattern.compile("3\\.0\\.\\d+");
  private static final Pattern OPENAPI_31 = Pattern.compile("3\\.1\\.\\d+.*");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ApiDocumentReader() {}

  /**
   * Reads {@code location}: a file path, or an {@code http://} or {@code https://} URL.
   *
   * @throws UnreadableApiDocumentException naming {@code location} and the reason
   */
  public static ApiDocument read(String location) throws UnreadableApiDocumentException {
    boolean url = URL.matcher(location).matches();
    return parse(location, url ? fetch(location) : load(location), url);
  }

  /**
   * Reads a document from the bytes of {@code file}, read already (as the gate reads its evidence
   * once); a {@code $ref} to another file resolves beside it.
   *
   * @throws UnreadableApiDocumentException naming {@code file} and the reason
   */
  public static ApiDocument read(Path file, byte[] bytes) throws UnreadableApiDocumentException {
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableApiDocumentException(
          file.toString(), "larger than " + MAX_BYTES + " bytes: not an API document");
    }
    return parse(file.toString(), bytes, false);
  }

  private static ApiDocument parse(String location, byte[] bytes, boolean url)
      throws UnreadableApiDocumentException {
    String text = decode(location, bytes);
    JsonNode tree = tree(location, text);
    checkOpenApi30(location, tree);
    ParseOptions options = new ParseOptions();
    options.setResolve(true); // as openapi-diff's own OpenApiCompare reads documents
    String base = url ? location : Path.of(location).toAbsolutePath().toString();
    SwaggerParseResult parsed;
    try {
      parsed =
          new OpenAPIV3Parser().readContents(JSON.writeValueAsString(tree), null, options, base);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableApiDocumentException(location, "swagger-parser failed: " + reason(e));
    }
    List<String> messages = parsed.getMessages() == null ? List.of() : parsed.getMessages();
    if (parsed.getOpenAPI() == null) {
      throw new UnreadableApiDocumentException(
          location, "swagger-parser read no API: " + String.join("; ", messages));
    }
    return new ApiDocument(location, parsed.getOpenAPI(), messages);
  }

  private static byte[] load(String location) throws UnreadableApiDocumentException {
    Path file;
    try {
      file = Path.of(location);
    } catch (InvalidPathException e) {
      throw new UnreadableApiDocumentException(location, "not a file path: " + e.getMessage());
    }
    if (!Files.exists(file)) {
      throw new UnreadableApiDocumentException(location, "no such file");
    }
    // A FIFO or device would block the read, a directory cannot be one: regular files only.
    if (!Files.isRegularFile(file)) {
      throw new UnreadableApiDocumentException(location, "not a regular file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return bounded(location, in);
    } catch (IOException e) {
      throw new UnreadableApiDocumentException(location, "cannot be read: " + reason(e));
    }
  }

  private static byte[] fetch(String location) throws UnreadableApiDocumentException {
    URI uri;
    try {
      uri = URI.create(location);
    } catch (IllegalArgumentException e) {
      throw new UnreadableApiDocumentException(location, "not a URL: " + e.getMessage());
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new UnreadableApiDocumentException(
          location, "only http and https URLs are fetched; give a file path otherwise");
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(READ_TIMEOUT).GET().build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() / 100 != 2) {
          throw new UnreadableApiDocumentException(
              location, "HTTP " + response.statusCode() + " (expected 2xx)");
        }
        return bounded(location, body);
      }
    } catch (HttpTimeoutException e) {
      throw new UnreadableApiDocumentException(location, "cannot be fetched: no answer in time");
    } catch (ConnectException e) {
      // HttpClient's own reason is a bare ClosedChannelException or UnresolvedAddressException.
      boolean unknown = reason(e).contains("UnresolvedAddress");
      throw new UnreadableApiDocumentException(
          location,
          "cannot be fetched: cannot connect to "
              + uri.getAuthority()
              + (unknown ? " (host unknown)" : " (connection refused: nothing listens there)"));
    } catch (IOException e) {
      throw new UnreadableApiDocumentException(location, "cannot be fetched: " + reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreadableApiDocumentException(location, "fetch interrupted");
    }
  }

  private static byte[] bounded(String location, InputStream in)
      throws IOException, UnreadableApiDocumentException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableApiDocumentException(
          location, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB; refused unread");
    }
    return bytes;
  }

  private static String decode(String location, byte[] bytes)
      throws UnreadableApiDocumentException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.isBlank()) {
        throw new UnreadableApiDocumentException(location, "empty: not an OpenAPI document");
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UnreadableApiDocumentException(location, "not UTF-8 text");
    }
  }

  /** JSON when it looks like JSON (better messages than YAML's for the same text), YAML else. */
  private static JsonNode tree(String location, String text) throws UnreadableApiDocumentException {
    String start = text.stripLeading();
    try {
      if (start.startsWith("{") || start.startsWith("[")) {
        return JSON.readTree(text);
      }
      return YamlTree.parse(text, MAX_BYTES);
    } catch (JacksonException e) {
      throw new UnreadableApiDocumentException(
          location,
          "not valid JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    } catch (YAMLException | IllegalArgumentException e) {
      throw new UnreadableApiDocumentException(location, "not valid YAML: " + reason(e));
    }
  }

  private static void checkOpenApi30(String location, JsonNode tree)
      throws UnreadableApiDocumentException {
    if (!tree.isObject()) {
      throw new UnreadableApiDocumentException(
          location,
          "not an OpenAPI document: its top level is "
              + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not a map");
    }
    JsonNode version = tree.get("openapi");
    if (version == null) {
      String found =
          tree.has("swagger")
              ? "a Swagger " + tree.get("swagger").asText() + " document"
              : "no 'openapi' key";
      throw new UnreadableApiDocumentException(
          location,
          "not an OpenAPI 3.0 document: "
              + found
              + " (top-level keys: "
              + String.join(", ", (Iterable<String>) tree::fieldNames)
              + ")");
    }
    String text = version.asText();
    if (OPENAPI_31.matcher(text).matches()) {
      throw new UnreadableApiDocumentException(
          location,
          "OpenAPI "
              + text
              + " is refused: openapi-diff 2.1.7 does not compare 3.1 schemas (a property's type"
              + " change and a field removed from array items pass unseen: openapi-diff issues"
              + " 910, 745, 528). Publish the document as OpenAPI 3.0 to compare it (springdoc:"
              + " springdoc.api-docs.version=openapi_3_0).");
    }
    if (!version.isTextual() || !OPENAPI_30.matcher(text).matches()) {
      throw new UnreadableApiDocumentException(
          location, "openapi: '" + text + "' is not a version Pyramid compares (3.0.x)");
    }
  }

  /** The exception's message, or its type where it has none (a refused connection has none). */
  private static String reason(Throwable e) {
    StringBuilder reason = new StringBuilder();
    for (Throwable t = e; t != null && reason.length() < 500; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (reason.indexOf(message) < 0) {
        reason.append(reason.length() == 0 ? "" : ": ").append(message);
      }
    }
    return reason.toString().replace('\n', ' ');
  }
}
