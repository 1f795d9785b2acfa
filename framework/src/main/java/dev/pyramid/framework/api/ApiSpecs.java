package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.endpoints.DocumentExchanges;
import dev.pyramid.framework.internal.endpoints.EndpointRecorder;
import dev.pyramid.framework.internal.endpoints.ExchangeLog;
import dev.pyramid.framework.internal.http.AllureTestReport;
import dev.pyramid.framework.internal.http.MaskedAllureFilter;
import dev.pyramid.framework.internal.http.SecretMasking;
import dev.pyramid.framework.internal.http.SpecValidationFilter;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST Assured request specifications for a service under test: JSON in and out, every request and
 * response attached to the Allure report, secrets masked, and, given the service's OpenAPI
 * document, every exchange validated against it.
 *
 * <pre>{@code
 * RequestSpecification api = ApiSpecs.forBaseUri(endpoints.gatewayUrl())
 *     .apiKey(endpoints.apiKey())
 *     .openApi("openapi/api-gateway.yaml")      // the service's document, from its jar
 *     .build();
 * given().spec(api).body(ride).post("/v1/rides").then().statusCode(201);
 * }</pre>
 *
 * <p>With a document ({@link Builder#openApi(OpenApiDocument)}), a request or response that breaks
 * it fails the test with an {@link AssertionError} listing swagger-request-validator's messages,
 * and its report is attached to the Allure result as "OpenAPI validation report". Validation is
 * turned off only per specification and with a reason ({@link Builder#withoutSpecValidation}),
 * which labels the test {@code openapi-validation=off} and attaches the reason to each exchange. A
 * negative test that sends a request the document forbids says so ({@link
 * Builder#expectingInvalidRequest}): its response is still validated.
 *
 * <p>The values of {@code Authorization}, {@code Proxy-Authorization}, {@code X-Api-Key}, {@code
 * Cookie} and {@code Set-Cookie}, every cookie, and credential-like query parameters ({@code
 * api_key}, {@code token}, {@code access_token}, {@code password}, {@code secret}) are replaced
 * with {@code [masked]} in the Allure attachments and in REST Assured's own console logging ({@code
 * log().all()}). So are the values of secret body fields, in JSON (at any depth) and form bodies of
 * requests and responses: {@code password}, {@code token}, {@code apiKey}, {@code secret}, {@code
 * accessToken}, {@code refreshToken}, {@code clientSecret}, {@code paymentToken} and their
 * snake_case forms by default, more through {@link Builder#maskBodyFields(String...)} or the system
 * property {@code pyramid.masking.body-fields=pin,cvv}. Field names compare case-insensitively.
 *
 * <p>Every exchange validated against a document is also recorded, for the layer of the test that
 * sent it, as evidence of which operations of the document the layer exercised (endpoint coverage,
 * read by the gate from {@code target/pyramid/endpoints/}); an exchange not validated ({@link
 * Builder#withoutSpecValidation}) is not.
 *
 * <p>With the system property {@code pyramid.secrets.ledger=<file>} set, every value masked is also
 * recorded there as a fingerprint, for {@link SecretScan} to search the reports with.
 */
public final class ApiSpecs {
  /** The header that carries an API key, as the reference platform's gateway expects it. */
  public static final String API_KEY_HEADER = "X-Api-Key";

  private static final Logger LOG = LoggerFactory.getLogger(ApiSpecs.class);

  private ApiSpecs() {}

  /** Starts a specification for {@code baseUri}, such as {@code http://127.0.0.1:41234}. */
  public static Builder forBaseUri(URI baseUri) {
    return new Builder(Objects.requireNonNull(baseUri, "baseUri"));
  }

  /** Builds one specification; each {@link #build()} returns a new, independent one. */
  public static final class Builder {
    private final URI baseUri;
    private String apiKey;
    private String bearerToken;
    private final Set<String> bodyFields = new LinkedHashSet<>(SecretMasking.bodyFields());
    private OpenApiDocument document;
    private SpecValidationFilter.Mode validation = SpecValidationFilter.Mode.VALIDATE;
    private String validationReason;
    private Duration timeout;

    private Builder(URI baseUri) {
      this.baseUri = baseUri;
    }

    /**
     * Also masks the values of these body fields (JSON properties or form fields),
     * case-insensitively.
     */
    public Builder maskBodyFields(String... fields) {
      for (String field : fields) {
        bodyFields.add(Objects.requireNonNull(field, "field").trim().toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Sends {@code key} in the {@value ApiSpecs#API_KEY_HEADER} header. */
    public Builder apiKey(String key) {
      this.apiKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>}. */
    public Builder bearerToken(String token) {
      this.bearerToken = Objects.requireNonNull(token, "token");
      return this;
    }

    /** Gives up on connecting, and on waiting for an answer, after {@code timeout}. */
    public Builder timeout(Duration timeout) {
      if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Validates every request and response against {@code document}: a mismatch fails the test with
     * the validator's messages and attaches its report.
     */
    public Builder openApi(OpenApiDocument document) {
      this.document = Objects.requireNonNull(document, "document");
      return this;
    }

    /** {@link #openApi(OpenApiDocument)} with {@link OpenApiDocument#classpath(String)}. */
    public Builder openApi(String classpathResource) {
      return openApi(OpenApiDocument.classpath(classpathResource));
    }

    /**
     * Turns validation against the document off for this specification. The test is labelled {@code
     * openapi-validation=off} in Allure and each exchange carries {@code reason}, so an unvalidated
     * test shows in the report rather than passing silently.
     *
     * @param reason why this test's traffic must not be held to the document; not blank
     */
    public Builder withoutSpecValidation(String reason) {
      this.validationReason = reason(reason);
      this.validation = SpecValidationFilter.Mode.OFF;
      return this;
    }

    /**
     * For a negative test: the request must break the document (the test fails if it conforms,
     * since the document then no longer forbids what the service refuses); the response must still
     * conform. Needs {@link #openApi(OpenApiDocument)}.
     *
     * @param reason what is invalid about the request, e.g. "latitude outside [-90, 90]"
     */
    public Builder expectingInvalidRequest(String reason) {
      this.validationReason = reason(reason);
      this.validation = SpecValidationFilter.Mode.EXPECT_INVALID_REQUEST;
      return this;
    }

    public RequestSpecification build() {
      RestAssuredConfig config =
          RestAssuredConfig.config()
              .logConfig(LogConfig.logConfig().blacklistHeaders(SecretMasking.SECRET_HEADERS));
      if (timeout != null) {
        int millis = Math.toIntExact(timeout.toMillis());
        config =
            config.httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", millis)
                    .setParam("http.socket.timeout", millis));
      }
      RequestSpecBuilder spec =
          new RequestSpecBuilder()
              .setBaseUri(baseUri)
              .setContentType(ContentType.JSON)
              .setAccept(ContentType.JSON)
              .setConfig(config)
              .addFilter(new MaskedAllureFilter(bodyFields));
      if (apiKey != null) {
        spec.addHeader(API_KEY_HEADER, apiKey);
      }
      if (document != null) {
        spec.addFilter(specValidation(document));
      } else if (validation == SpecValidationFilter.Mode.EXPECT_INVALID_REQUEST) {
        throw new IllegalStateException(
            "expectingInvalidRequest(...) needs the document the request breaks:"
                + " call openApi(...) too");
      }
      if (bearerToken != null) {
        spec.addHeader("Authorization", "Bearer " + bearerToken);
      }
      return spec.build();
    }

    private SpecValidationFilter specValidation(OpenApiDocument document) {
      if (validation == SpecValidationFilter.Mode.OFF) {
        LOG.warn(
            "OpenAPI validation against {} is off for {}: {}",
            document.location(),
            baseUri,
            validationReason);
      }
      return new SpecValidationFilter(
          document::validator,
          document.location(),
          validation,
          validationReason,
          bodyFields,
          new AllureTestReport(),
          validation == SpecValidationFilter.Mode.OFF
              ? ExchangeLog.NONE
              : DocumentExchanges.of(
                  document.location(), document::operations, EndpointRecorder.installed()));
    }

    private static String reason(String reason) {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException(
            "Say why, e.g. withoutSpecValidation(\"sends a malformed body on purpose\"):"
                + " the reason is shown in the report");
      }
      return reason.strip();
    }
  }
}
