package dev.pyramid.framework.internal.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.ApiSpecs;
import dev.pyramid.framework.api.UnitTest;
import io.qameta.allure.attachment.AttachmentContent;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs requests through the filter chain without a network: a last filter answers instead of a
 * server.
 */
@UnitTest
class MaskedAllureFilterTests {
  private final Map<String, AttachmentContent> attachments = new LinkedHashMap<>();

  /** Answers every request in-process, after the masking filter, as a server would. */
  private static final OrderedFilter ANSWER =
      new OrderedFilter() {
        @Override
        public Response filter(
            io.restassured.specification.FilterableRequestSpecification request,
            io.restassured.specification.FilterableResponseSpecification response,
            io.restassured.filter.FilterContext context) {
          return new ResponseBuilder()
              .setStatusCode(201)
              .setStatusLine("HTTP/1.1 201 Created")
              .setHeader("Set-Cookie", "session=server-secret; HttpOnly")
              .setHeader("Location", "/v1/rides/r-1")
              .setContentType("application/json")
              .setBody("{\"id\":\"r-1\"}")
              .build();
        }

        @Override
        public int getOrder() {
          return Integer.MAX_VALUE;
        }
      };

  private void post() {
    MaskedAllureFilter filter = new MaskedAllureFilter(attachments::put);
    OrderedFilter masking =
        new OrderedFilter() {
          @Override
          public Response filter(
              io.restassured.specification.FilterableRequestSpecification request,
              io.restassured.specification.FilterableResponseSpecification response,
              io.restassured.filter.FilterContext context) {
            return filter.filter(request, response, context);
          }

          // Just before the answering filter, as the real filter is just before the network.
          @Override
          public int getOrder() {
            return Integer.MAX_VALUE - 1;
          }
        };
    given()
        .baseUri("http://127.0.0.1:9")
        .contentType("application/json")
        .header("X-Api-Key", "key-123-secret")
        .header("Authorization", "Bearer token-456-secret")
        .header("X-Request-Id", "req-7")
        .cookie("session", "cookie-789-secret")
        .queryParam("api_key", "query-000-secret")
        .filter(masking)
        .filter(ANSWER)
        .body("{\"riderId\":\"rider-1\"}")
        .post("/v1/rides")
        .then()
        .statusCode(201);
  }

  @Test
  void should_attach_request_and_response() {
    post();

    assertThat(attachments.keySet())
        .containsExactly(
            "Request POST http://127.0.0.1:9/v1/rides?api_key=[masked]", "Response 201");
    assertThat(attachments.values())
        .allSatisfy(content -> assertThat(content.getContentType()).isEqualTo("text/html"));
  }

  @Test
  void should_keep_secrets_out_of_every_attachment() {
    post();

    assertThat(attachments.values())
        .allSatisfy(
            content ->
                assertThat(content.getContent())
                    .doesNotContain("key-123-secret")
                    .doesNotContain("token-456-secret")
                    .doesNotContain("cookie-789-secret")
                    .doesNotContain("query-000-secret")
                    .doesNotContain("server-secret"));
  }

  @Test
  void should_show_which_secret_headers_were_sent_and_keep_ordinary_ones() {
    post();

    String request =
        attachments.get("Request POST http://127.0.0.1:9/v1/rides?api_key=[masked]").getContent();
    assertThat(request)
        .contains("X-Api-Key: [masked]")
        .contains("Authorization: [masked]")
        .contains("X-Request-Id: req-7")
        .contains("rider-1");
    String response = attachments.get("Response 201").getContent();
    assertThat(response)
        .contains("Set-Cookie: [masked]")
        .contains("Location: /v1/rides/r-1")
        .contains("r-1");
  }

  @Test
  void should_be_the_filter_that_api_specs_install() {
    var spec =
        (io.restassured.specification.FilterableRequestSpecification)
            ApiSpecs.forBaseUri(URI.create("http://127.0.0.1:9")).apiKey("k").build();

    assertThat(spec.getDefinedFilters()).hasAtLeastOneElementOfType(MaskedAllureFilter.class);
    assertThat(spec.getHeaders().getValue("X-Api-Key")).isEqualTo("k");
    assertThat(spec.getContentType()).startsWith("application/json");
    // REST Assured's blacklist compares names case-insensitively: ask the set, not equals().
    var blacklist = spec.getConfig().getLogConfig().blacklistedHeaders();
    assertThat(List.of("Authorization", "X-Api-Key", "Cookie", "Set-Cookie"))
        .allMatch(blacklist::contains);
  }
}
