package dev.pyramid.framework.api.pact;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import dev.pyramid.framework.api.ApiSpecs;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.client5.http.classic.methods.HttpUriRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * A Pact provider-verification target that sends each interaction's request through an {@link
 * ApiSpecs} specification instead of Pact's own HTTP client: the exchange is attached to the test
 * (secrets masked) and, when the specification has the provider's OpenAPI document, validated
 * against it. Pact then compares the response with the pact as usual.
 *
 * <pre>{@code
 * @BeforeEach
 * void before(PactVerificationContext context, PlatformEndpoints platform) {
 *   context.setTarget(ApiSpecsTestTarget.of(platform.fleetCoreUrl(),
 *       ApiSpecs.forBaseUri(platform.fleetCoreUrl()).openApi("openapi/fleet-core.yaml").build()));
 * }
 * }</pre>
 *
 * <p>So a provider that honours its consumers' pacts but breaks its own document fails the
 * verification, and so does a pact whose request the document does not allow. Needs Pact JVM's
 * {@code au.com.dius.pact.provider:junit5}, an optional dependency of the framework. Thread-safe as
 * far as the specification is (those of {@code ApiSpecs} are).
 */
public final class ApiSpecsTestTarget extends HttpTestTarget {
  // Set by the HTTP client from the body and the target; copying them would contradict it.
  private static final Set<String> TRANSPORT_HEADERS =
      Set.of("content-length", "host", "transfer-encoding", "connection");

  private final RequestSpecification spec;

  private ApiSpecsTestTarget(URI baseUrl, RequestSpecification spec) {
    super(
        baseUrl.getHost(),
        baseUrl.getPort() == -1 ? 80 : baseUrl.getPort(),
        baseUrl.getPath() == null || baseUrl.getPath().isEmpty() ? "/" : baseUrl.getPath());
    this.spec = spec;
  }

  /**
   * A target for the provider at {@code baseUrl} (http, as Pact's {@code HttpTestTarget}), sending
   * through {@code spec}, which should have the same base URL.
   */
  public static ApiSpecsTestTarget of(URI baseUrl, RequestSpecification spec) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(spec, "spec");
    if (!"http".equalsIgnoreCase(baseUrl.getScheme())) {
      throw new IllegalArgumentException("baseUrl must be an http URL, was " + baseUrl);
    }
    return new ApiSpecsTestTarget(baseUrl, spec);
  }

  @Override
  public ProviderResponse executeInteraction(Object client, Object request) {
    HttpUriRequest pactRequest = (HttpUriRequest) request;
    // Pact's request is already encoded; REST Assured must send it as it is.
    RequestSpecification exchange = RestAssured.given(spec).urlEncodingEnabled(false);
    for (org.apache.hc.core5.http.Header header : pactRequest.getHeaders()) {
      if (!TRANSPORT_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
        exchange.header(header.getName(), header.getValue());
      }
    }
    HttpEntity entity = pactRequest.getEntity();
    if (entity != null) {
      try {
        exchange.body(EntityUtils.toByteArray(entity));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the pact's request body", e);
      }
      if (entity.getContentType() != null) {
        exchange.contentType(entity.getContentType());
      }
    }
    Response response = exchange.request(pactRequest.getMethod(), pactRequest.getRequestUri());
    return toPact(response);
  }

  private static ProviderResponse toPact(Response response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    String type = response.getContentType();
    ContentType contentType =
        type == null || type.isEmpty() ? ContentType.Companion.getUNKNOWN() : new ContentType(type);
    byte[] body = response.asByteArray();
    return new ProviderResponse(
        response.statusCode(),
        headers,
        contentType,
        body.length == 0 ? OptionalBody.empty() : OptionalBody.body(body, contentType));
  }
}
