package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.http.MaskedAllureFilter;
import dev.pyramid.framework.internal.http.SecretMasking;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * REST Assured request specifications for a service under test: JSON in and out, every request and
 * response attached to the Allure report, secrets masked.
 *
 * <pre>{@code
 * RequestSpecification api = ApiSpecs.forBaseUri(endpoints.gatewayUrl()).apiKey(endpoints.apiKey()).build();
 * given().spec(api).body(ride).post("/v1/rides").then().statusCode(201);
 * }</pre>
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
 * <p>With the system property {@code pyramid.secrets.ledger=<file>} set, every value masked is also
 * recorded there as a fingerprint, for {@link SecretScan} to search the reports with.
 */
public final class ApiSpecs {
  /** The header that carries an API key, as the reference platform's gateway expects it. */
  public static final String API_KEY_HEADER = "X-Api-Key";

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

    public RequestSpecification build() {
      RequestSpecBuilder spec =
          new RequestSpecBuilder()
              .setBaseUri(baseUri)
              .setContentType(ContentType.JSON)
              .setAccept(ContentType.JSON)
              .setConfig(
                  RestAssuredConfig.config()
                      .logConfig(
                          LogConfig.logConfig().blacklistHeaders(SecretMasking.SECRET_HEADERS)))
              .addFilter(new MaskedAllureFilter(bodyFields));
      if (apiKey != null) {
        spec.addHeader(API_KEY_HEADER, apiKey);
      }
      if (bearerToken != null) {
        spec.addHeader("Authorization", "Bearer " + bearerToken);
      }
      return spec.build();
    }
  }
}
