package dev.pyramid.framework.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@UnitTest
class SecretMaskingTests {

  @Test
  void should_mask_secret_headers_whatever_their_case() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("authorization", "Bearer abc.def");
    headers.put("X-API-KEY", "key-123");
    headers.put("Cookie", "session=1");
    headers.put("set-cookie", "session=2; HttpOnly");
    headers.put("Proxy-Authorization", "Basic Zm9v");

    assertThat(SecretMasking.maskHeaders(headers))
        .containsOnly(
            Map.entry("authorization", "[masked]"),
            Map.entry("X-API-KEY", "[masked]"),
            Map.entry("Cookie", "[masked]"),
            Map.entry("set-cookie", "[masked]"),
            Map.entry("Proxy-Authorization", "[masked]"));
  }

  @Test
  void should_keep_ordinary_headers_and_their_order() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Api-Key", "key-123");
    headers.put("Accept", "application/json");

    assertThat(SecretMasking.maskHeaders(headers))
        .containsExactly(
            Map.entry("Content-Type", "application/json"),
            Map.entry("X-Api-Key", "[masked]"),
            Map.entry("Accept", "application/json"));
  }

  @Test
  void should_mask_every_cookie_value() {
    assertThat(SecretMasking.maskAll(Map.of("theme", "dark", "session", "abc")))
        .containsOnly(Map.entry("theme", "[masked]"), Map.entry("session", "[masked]"));
  }

  @Test
  void should_mask_credential_query_parameters_only() {
    assertThat(SecretMasking.maskUrl("http://h/v1/rides?api_key=k1&page=2&Access-Token=t2#top"))
        .isEqualTo("http://h/v1/rides?api_key=[masked]&page=2&Access-Token=[masked]#top");
  }

  @Test
  void should_leave_a_url_without_credentials_unchanged() {
    assertThat(SecretMasking.maskUrl("http://h/v1/eta?fromLat=1.5&tokenCount=3"))
        .isEqualTo("http://h/v1/eta?fromLat=1.5&tokenCount=3");
  }

  @Test
  void should_mask_known_secret_values_wherever_they_appear_in_text() {
    String text = "expected X-Api-Key: key-123 | actual: key-123, other: abc";

    assertThat(SecretMasking.maskValues(text, List.of("key-123", "abc")))
        .isEqualTo("expected X-Api-Key: [masked] | actual: [masked], other: abc");
  }

  @Test
  void should_mask_secret_json_fields_at_any_depth_and_keep_the_rest() {
    String body =
        "{\"riderId\":\"rider-1\",\"password\":\"pa\\\"ss-123\",\"payment\":{\"Token\":\"tok-456\",\"pin\":1234}}";

    assertThat(SecretMasking.maskBody(body, SecretMasking.DEFAULT_BODY_FIELDS))
        .isEqualTo(
            "{\"riderId\":\"rider-1\",\"password\":\"[masked]\",\"payment\":{\"Token\":\"[masked]\",\"pin\":1234}}");
  }

  @Test
  void should_mask_configured_fields_numbers_and_form_bodies() {
    assertThat(SecretMasking.maskBody("{\"pin\": 1234, \"name\": \"x\"}", java.util.Set.of("pin")))
        .isEqualTo("{\"pin\": \"[masked]\", \"name\": \"x\"}");
    assertThat(
            SecretMasking.maskBody(
                "user=ann&password=s3cret&keep=1", SecretMasking.DEFAULT_BODY_FIELDS))
        .isEqualTo("user=ann&password=[masked]&keep=1");
  }

  @Test
  void should_list_the_secret_values_it_masks() {
    assertThat(
            SecretMasking.bodySecrets(
                "{\"apiKey\": \"k-789\", \"a\": {\"secret\": 42}}",
                SecretMasking.DEFAULT_BODY_FIELDS))
        .containsExactly("k-789", "42");
    assertThat(SecretMasking.headerSecrets(Map.of("Authorization", "Bearer abc.def")))
        .containsExactly("Bearer abc.def", "abc.def");
  }
}
