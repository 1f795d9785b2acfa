package dev.pyramid.framework.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.framework.api.WithStubServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the filter reports: the validator's report attached, secrets masked, the switch shown. */
@UnitTest
@WithStubServer
class SpecValidationFilterTests {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(read("openapi/rides-sample.yaml"))
          .build();
  private static final String KEY = "key-live-0123456789";

  private final Map<String, String> attachments = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<String> exchanged = new ArrayList<>();
  private final SpecValidationFilter.TestReport report =
      new SpecValidationFilter.TestReport() {
        @Override
        public void attach(String name, String mediaType, String content, String extension) {
          attachments.put(name, content);
        }

        @Override
        public void label(String name, String value) {
          labels.putIfAbsent(name, value);
        }
      };

  private SpecValidationFilter filter(SpecValidationFilter.Mode mode, String reason) {
    return new SpecValidationFilter(
        () -> VALIDATOR,
        "classpath:openapi/rides-sample.yaml",
        mode,
        reason,
        SecretMasking.bodyFields(),
        report,
        (method, path, status) -> exchanged.add(method + " " + path + " " + status));
  }

  @Test
  void should_attach_the_validators_report_to_a_failing_test(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson("{\"id\":\"r-1\"}")));

    assertThatThrownBy(
            () ->
                given()
                    .baseUri(service.baseUrl().toString())
                    .header("X-Api-Key", KEY)
                    .filter(filter(SpecValidationFilter.Mode.VALIDATE, null))
                    .get("/rides/r-1"))
        .isInstanceOf(SpecMismatchError.class);

    assertThat(attachments).containsOnlyKeys("OpenAPI validation report");
    assertThat(attachments.get("OpenAPI validation report"))
        .contains("\"key\" : \"validation.response.body.schema.required\"")
        .contains("\"requestPath\" : \"/rides/r-1\"");
  }

  @Test
  void should_attach_nothing_for_a_conforming_exchange(StubServer service) {
    service.stubFor(
        get(urlEqualTo("/rides/r-1"))
            .willReturn(okJson("{\"id\":\"r-1\",\"status\":\"ASSIGNED\",\"etaSeconds\":1}")));

    given()
        .baseUri(service.baseUrl().toString())
        .header("X-Api-Key", KEY)
        .filter(filter(SpecValidationFilter.Mode.VALIDATE, null))
        .get("/rides/r-1")
        .then()
        .statusCode(200);

    assertThat(attachments).isEmpty();
    assertThat(labels).isEmpty();
  }

  @Test
  void should_mask_in_the_report_and_the_message_what_the_masking_hides(StubServer service) {
    // The service echoes the rider's password where the document wants a status: the validator
    // quotes the value it refuses.
    String password = "pw-do-not-leak-42";
    service.stubFor(
        post(urlEqualTo("/rides"))
            .willReturn(
                okJson("{\"id\":\"r-1\",\"status\":\"" + password + "\",\"etaSeconds\":1}")
                    .withStatus(201)));

    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                given()
                    .baseUri(service.baseUrl().toString())
                    .header("X-Api-Key", KEY)
                    .contentType("application/json")
                    .body("{\"riderId\":\"r\",\"pickupLat\":1,\"password\":\"" + password + "\"}")
                    .filter(filter(SpecValidationFilter.Mode.VALIDATE, null))
                    .post("/rides"));

    assertThat(failure).isInstanceOf(SpecMismatchError.class);
    assertThat(failure.getMessage()).contains("not found in enum").doesNotContain(password);
    assertThat(attachments.get("OpenAPI validation report"))
        .contains("[masked]")
        .doesNotContain(password)
        .doesNotContain(KEY);
  }

  @Test
  void should_label_the_test_and_attach_the_reason_when_validation_is_off(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson("{}")));

    given()
        .baseUri(service.baseUrl().toString())
        .filter(filter(SpecValidationFilter.Mode.OFF, "replays a drifted answer"))
        .get("/rides/r-1")
        .then()
        .statusCode(200);

    assertThat(labels).containsEntry(SpecValidationFilter.OFF_LABEL, "off");
    assertThat(attachments)
        .containsEntry(
            "OpenAPI validation off",
            "Not validated against classpath:openapi/rides-sample.yaml: replays a drifted answer");
  }

  @Test
  void should_list_every_mismatch_of_request_and_response(StubServer service) {
    service.stubFor(post(urlEqualTo("/rides")).willReturn(okJson("{}").withStatus(201)));

    assertThatThrownBy(
            () ->
                given()
                    .baseUri(service.baseUrl().toString())
                    .contentType("application/json")
                    .body("{\"pickupLat\":1}")
                    .filter(filter(SpecValidationFilter.Mode.VALIDATE, null))
                    .post("/rides"))
        .isInstanceOf(SpecMismatchError.class)
        .message()
        .satisfies(
            message ->
                assertThat(List.of(message.split("\n")))
                    .anyMatch(line -> line.contains("request: Object has missing required"))
                    .anyMatch(line -> line.contains("response: Object has missing required")));
  }

  @Test
  void should_report_each_exchange_it_validated_for_endpoint_coverage(StubServer service) {
    service.stubFor(
        get(urlPathEqualTo("/rides/r-1"))
            .willReturn(okJson("{\"id\":\"r-1\",\"status\":\"ASSIGNED\",\"etaSeconds\":1}")));

    given()
        .baseUri(service.baseUrl().toString())
        .header("X-Api-Key", KEY)
        .filter(filter(SpecValidationFilter.Mode.VALIDATE, null))
        .get("/rides/r-1?verbose=true")
        .then()
        .statusCode(200);

    assertThat(exchanged).containsExactly("GET /rides/r-1 200");
  }

  @Test
  void should_report_an_exchange_that_breaks_the_document_before_failing_the_test(
      StubServer service) {
    service.stubFor(post(urlEqualTo("/rides")).willReturn(okJson("{}").withStatus(500)));

    assertThatThrownBy(
            () ->
                given()
                    .baseUri(service.baseUrl().toString())
                    .contentType("application/json")
                    .body("{}")
                    .filter(filter(SpecValidationFilter.Mode.VALIDATE, null))
                    .post("/rides"))
        .isInstanceOf(SpecMismatchError.class);

    assertThat(exchanged).containsExactly("POST /rides 500");
  }

  @Test
  void should_not_report_an_exchange_it_did_not_validate(StubServer service) {
    service.stubFor(get(urlEqualTo("/rides/r-1")).willReturn(okJson("{}")));

    given()
        .baseUri(service.baseUrl().toString())
        .filter(filter(SpecValidationFilter.Mode.OFF, "replays a drifted answer"))
        .get("/rides/r-1");

    assertThat(exchanged).isEmpty();
  }

  private static String read(String resource) {
    try (InputStream in =
        SpecValidationFilterTests.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
