package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.http.MaskedAllureFilter;
import dev.pyramid.framework.internal.http.SecretMasking;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Objects;

/**
 * REST Assured request specifications for a service under test: JSON in and out, every request
 * and response attached to the Allure report, secrets masked.
 *
 * <pre>{@code
 * RequestSpecification api = ApiSpecs.forBaseUri(endpoints.gatewayUrl()).apiKey(endpoints.apiKey()).build();
 * given().spec(api).body(ride).post("/v1/rides").then().statusCode(201);
 * }</pre>
 *
 * <p>The values of {@code Authorization}, {@code Proxy-Authorization}, {@code X-Api-Key},
 * {@code Cookie} and {@code Set-Cookie}, every cookie, and credential-like query parameters
 * ({@code api_key}, {@code token}, {@code access_token}, {@code password}, {@code secret}) are
 * replaced with {@code [masked]} in the Allure attachments and in REST Assured's own console
 * logging ({@code log().all()}).
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

    private Builder(URI baseUri) {
      this.baseUri = baseUri;
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
                      .logConfig(LogConfig.logConfig().blacklistHeaders(SecretMasking.SECRET_HEADERS)))
              .addFilter(new MaskedAllureFilter());
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
