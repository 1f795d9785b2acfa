package dev.pyramid.framework.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link ApiSpecs} holds traffic to an OpenAPI document: WireMock on 127.0.0.1 plays a service that
 * conforms to {@code openapi/rides-sample.yaml} or drifts from it.
 */
@UnitTest
@WithStubServer
class ApiSpecsOpenApiTests {
  private static final String DOCUMENT = "openapi/rides-sample.yaml";
  private static final String RIDE = "{\"id\":\"r-1\",\"status\":\"ASSIGNED\",\"etaSeconds\":180}";
  // The service dropped etaSeconds, which the document still requires.
  private static final String DRIFTED_RIDE = "{\"id\":\"r-1\",\"status\":\"ASSIGNED\"}";

  private static RequestSpecification spec(StubServer service) {
    return ApiSpecs.forBaseUri(service.baseUrl())
        .apiKey("key-0123456789")
        .openApi(DOCUMENT)
        .build();
  }

  @Test
  void should_pass_a_conforming_exchange(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson(RIDE)));

    assertThatCode(() -> given(spec(service)).get("/rides/r-1").then().statusCode(200))
        .doesNotThrowAnyException();
  }

  @Test
  void should_fail_a_response_that_drifted_from_the_document(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson(DRIFTED_RIDE)));

    assertThatThrownBy(() -> given(spec(service)).get("/rides/r-1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET http://127.0.0.1:")
        .hasMessageContaining("/rides/r-1 answered 200, which breaks the OpenAPI document")
        .hasMessageContaining("classpath:" + DOCUMENT)
        .hasMessageContaining("response: Object has missing required properties ([\"etaSeconds\"])")
        .hasMessageContaining("[validation.response.body.schema.required]");
  }

  @Test
  void should_fail_a_request_that_breaks_the_document(StubServer service) {
    service.stubFor(post(urlEqualTo("/rides")).willReturn(okJson(RIDE).withStatus(201)));

    assertThatThrownBy(
            () -> given(spec(service)).body("{\"riderId\":\"r\",\"pickupLat\":123}").post("/rides"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "request: [Path '/pickupLat'] Numeric instance is greater than the required maximum");
  }

  @Test
  void should_fail_a_request_without_the_api_key_the_document_requires(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson(RIDE)));
    RequestSpecification withoutKey =
        ApiSpecs.forBaseUri(service.baseUrl()).openApi(DOCUMENT).build();

    assertThatThrownBy(() -> given(withoutKey).get("/rides/r-1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("request: GET on path '/rides/r-1' requires security parameters");
  }

  @Test
  void should_fail_a_path_the_document_does_not_know(StubServer service) {
    service.stubFor(get(urlEqualTo("/vehicles/v-1")).willReturn(okJson("{}")));

    assertThatThrownBy(() -> given(spec(service)).get("/vehicles/v-1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No API path found that matches request '/vehicles/v-1'");
  }

  @Test
  void should_not_validate_when_the_test_turns_it_off(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson(DRIFTED_RIDE)));
    RequestSpecification unvalidated =
        ApiSpecs.forBaseUri(service.baseUrl())
            .apiKey("key-0123456789")
            .openApi(DOCUMENT)
            .withoutSpecValidation("checks what a drifted service answers")
            .build();

    assertThatCode(() -> given(unvalidated).get("/rides/r-1").then().statusCode(200))
        .doesNotThrowAnyException();
  }

  @Test
  void should_refuse_to_turn_validation_off_without_a_reason(StubServer service) {
    ApiSpecs.Builder builder = ApiSpecs.forBaseUri(service.baseUrl()).openApi(DOCUMENT);

    assertThatThrownBy(() -> builder.withoutSpecValidation(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Say why");
  }

  @Test
  void should_validate_the_response_of_a_request_that_breaks_the_document_on_purpose(
      StubServer service) {
    service.stubFor(
        post(urlEqualTo("/rides"))
            .willReturn(WireMock.jsonResponse("{\"error\":\"invalid_request\"}", 400)));
    RequestSpecification negative =
        ApiSpecs.forBaseUri(service.baseUrl())
            .openApi(DOCUMENT)
            .expectingInvalidRequest("no API key, latitude out of range")
            .build();

    assertThatCode(
            () ->
                given(negative)
                    .body("{\"riderId\":\"r\",\"pickupLat\":123}")
                    .post("/rides")
                    .then()
                    .statusCode(400))
        .doesNotThrowAnyException();
  }

  @Test
  void should_fail_a_negative_test_whose_request_conforms(StubServer service) {
    service.stubFor(
        post(urlEqualTo("/rides"))
            .willReturn(WireMock.jsonResponse("{\"error\":\"invalid_request\"}", 400)));
    RequestSpecification negative =
        ApiSpecs.forBaseUri(service.baseUrl())
            .apiKey("key-0123456789")
            .openApi(DOCUMENT)
            .expectingInvalidRequest("latitude out of range")
            .build();

    assertThatThrownBy(
            () -> given(negative).body("{\"riderId\":\"r\",\"pickupLat\":12}").post("/rides"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "The request was expected to break the document (latitude out of range) but conforms");
  }

  @Test
  void should_name_a_document_that_does_not_parse(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson(RIDE)));
    RequestSpecification broken =
        ApiSpecs.forBaseUri(service.baseUrl())
            .openApi(OpenApiDocument.file(Path.of("src/test/resources/stubs/broken/bad.json")))
            .build();

    assertThatThrownBy(() -> given(broken).get("/rides/r-1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bad.json does not parse");
  }
}
