package dev.pyramid.framework.internal.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import dev.pyramid.framework.api.UnitTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

/** A request counts for the operation the validator resolves, by the document's path templates. */
@UnitTest
class OperationMatcherTests {

  private static final String DOCUMENT =
      """
      openapi: 3.0.3
      info: { title: rides, version: "1" }
      servers:
        - url: %s
      paths:
        /v2/rides/{id}:
          get: { responses: { "200": { description: ok } } }
        /v2/rides/mine:
          get: { responses: { "200": { description: ok } } }
        /v2/rides:
          post: { responses: { "201": { description: created } } }
      """;

  private static OperationMatcher matcher(String server) {
    OpenAPI api = new OpenAPIV3Parser().readContents(DOCUMENT.formatted(server)).getOpenAPI();
    return new OperationMatcher(api);
  }

  @Test
  void should_name_the_path_template_a_request_matched() {
    OperationMatcher.Match match = matcher("/").match(Request.Method.GET, "/v2/rides/r-42");

    assertThat(match.matched()).isTrue();
    assertThat(match.operation()).isEqualTo("GET /v2/rides/{id}");
  }

  @Test
  void should_prefer_a_literal_path_to_a_template_as_the_validator_does() {
    assertThat(matcher("/").match(Request.Method.GET, "/v2/rides/mine").operation())
        .isEqualTo("GET /v2/rides/mine");
  }

  @Test
  void should_strip_the_servers_base_path() {
    assertThat(matcher("/api").match(Request.Method.POST, "/api/v2/rides").operation())
        .isEqualTo("POST /v2/rides");
  }

  @Test
  void should_say_when_no_path_of_the_document_matches() {
    OperationMatcher.Match match = matcher("/").match(Request.Method.GET, "/v3/rides/r-1");

    assertThat(match.matched()).isFalse();
    assertThat(match.unmatched()).isEqualTo(OperationMatcher.Match.NO_PATH);
  }

  @Test
  void should_say_when_the_path_has_no_operation_for_the_method() {
    OperationMatcher.Match match = matcher("/").match(Request.Method.DELETE, "/v2/rides/r-1");

    assertThat(match.matched()).isFalse();
    assertThat(match.unmatched()).isEqualTo(OperationMatcher.Match.NO_METHOD);
  }
}
