package dev.pyramid.framework.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import dev.pyramid.framework.internal.endpoints.OperationMatcher;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An OpenAPI 3.0 document that {@link ApiSpecs} holds a service's traffic to: a classpath resource
 * (the service's own, from its jar), a file or a URL.
 *
 * <pre>{@code
 * OpenApiDocument gateway = OpenApiDocument.classpath("openapi/api-gateway.yaml");
 * RequestSpecification api = ApiSpecs.forBaseUri(url).openApi(gateway).build();
 * }</pre>
 *
 * <p>The document is read and parsed once per JVM and location, on the first exchange validated
 * against it. It must be OpenAPI 3.0.x and parse without a message: otherwise every exchange
 * validated against it fails, naming the parser's messages. Thread-safe: one instance serves
 * concurrent tests.
 */
public final class OpenApiDocument {
  private static final Map<String, OpenApiDocument> PARSED = new ConcurrentHashMap<>();

  private final String location;
  private final Supplier<SwaggerParseResult> source;
  private volatile Parsed parsed;

  /** The validator and the operations of one parse of the document: they cannot disagree. */
  private record Parsed(OpenApiInteractionValidator validator, OperationMatcher operations) {}

  private OpenApiDocument(String location, Supplier<SwaggerParseResult> source) {
    this.location = location;
    this.source = source;
  }

  /**
   * The document in the classpath resource {@code resource}, e.g. {@code openapi/fleet-core.yaml};
   * one file (its {@code $ref}s point inside it).
   */
  public static OpenApiDocument classpath(String resource) {
    Objects.requireNonNull(resource, "resource");
    return PARSED.computeIfAbsent(
        "classpath:" + resource,
        location ->
            new OpenApiDocument(
                location,
                () -> new OpenAPIV3Parser().readContents(readResource(resource), null, options())));
  }

  /** The document in {@code file}; relative {@code $ref}s resolve beside it. */
  public static OpenApiDocument file(Path file) {
    URI uri = Objects.requireNonNull(file, "file").toAbsolutePath().normalize().toUri();
    return url(uri);
  }

  /** The document at {@code url}, e.g. a service's {@code http://127.0.0.1:8081/openapi.yaml}. */
  public static OpenApiDocument url(URI url) {
    String location = Objects.requireNonNull(url, "url").toString();
    return PARSED.computeIfAbsent(
        location,
        key ->
            new OpenApiDocument(
                key, () -> new OpenAPIV3Parser().readLocation(key, null, options())));
  }

  /** Where the document comes from, as failure messages name it. */
  public String location() {
    return location;
  }

  /** The validator of this document, parsed on first use. */
  OpenApiInteractionValidator validator() {
    return parsed().validator();
  }

  /** The operations of this document as its validator resolves requests, parsed on first use. */
  OperationMatcher operations() {
    return parsed().operations();
  }

  private Parsed parsed() {
    Parsed done = parsed;
    if (done == null) {
      synchronized (this) {
        done = parsed;
        if (done == null) {
          OpenAPI api = parse();
          done =
              new Parsed(
                  OpenApiInteractionValidator.createFor(api).build(), new OperationMatcher(api));
          parsed = done;
        }
      }
    }
    return done;
  }

  private OpenAPI parse() {
    SwaggerParseResult result = source.get();
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    if (result.getOpenAPI() == null || !messages.isEmpty()) {
      throw new IllegalStateException(
          "The OpenAPI document "
              + location
              + " does not parse: "
              + (messages.isEmpty() ? "no OpenAPI content" : String.join("; ", messages))
              + ". Fix the document: every exchange validated against it fails until then.");
    }
    String version = result.getOpenAPI().getOpenapi();
    if (version == null || !version.startsWith("3.0.")) {
      throw new IllegalStateException(
          "The OpenAPI document "
              + location
              + " is OpenAPI "
              + version
              + "; Pyramid validates OpenAPI 3.0.x documents (swagger-request-validator 2.44.1).");
    }
    return withGlobalSecurityOnOperations(result.getOpenAPI());
  }

  /**
   * The validator checks security only where an operation declares it (SecurityValidator reads
   * {@code operation.getSecurity()}); OpenAPI says an operation without its own {@code security}
   * inherits the document's. Copy it down so that a missing API key is a mismatch.
   */
  private static OpenAPI withGlobalSecurityOnOperations(OpenAPI api) {
    if (api.getSecurity() != null && api.getPaths() != null) {
      api.getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations().stream()
                      .filter(operation -> operation.getSecurity() == null)
                      .forEach(operation -> operation.setSecurity(api.getSecurity())));
    }
    return api;
  }

  // As swagger-request-validator parses by default: references resolved, combinators kept.
  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(false);
    return options;
  }

  private static String readResource(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in =
        (loader != null ? loader : OpenApiDocument.class.getClassLoader())
            .getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "No OpenAPI document at classpath:"
                + resource
                + ". Is the service's jar (or its src/main/resources) on the test classpath?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read classpath:" + resource, e);
    }
  }

  @Override
  public String toString() {
    return "OpenApiDocument[" + location + "]";
  }
}
