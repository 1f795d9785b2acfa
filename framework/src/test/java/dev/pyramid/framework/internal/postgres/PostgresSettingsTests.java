package dev.pyramid.framework.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.PostgresFixture.Provider;
import dev.pyramid.framework.api.UnitTest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@UnitTest
class PostgresSettingsTests {
  private static final PostgresSettings.Explicit NOTHING_SET =
      new PostgresSettings.Explicit(null, null, null, null);

  private static Function<String, Optional<String>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  @Test
  void should_use_embedded_by_default_and_say_it_is_the_default() {
    PostgresSettings settings = PostgresSettings.resolve(NOTHING_SET, config(Map.of()));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(settings.describe())
        .isEqualTo("PostgreSQL provider: embedded (pyramid.postgres.provider is not set; embedded is the default)");
  }

  @Test
  void should_run_embedded_for_auto_and_say_containers_come_later() {
    PostgresSettings settings =
        PostgresSettings.resolve(NOTHING_SET, config(Map.of("pyramid.postgres.provider", "auto")));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(settings.reason())
        .startsWith("pyramid.postgres.provider=auto")
        .contains("container support comes later");
  }

  @Test
  void should_read_provider_case_insensitively_and_trimmed() {
    PostgresSettings settings =
        PostgresSettings.resolve(NOTHING_SET, config(Map.of("pyramid.postgres.provider", " Embedded ")));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
  }

  @Test
  void should_use_external_with_configured_connection_details() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            NOTHING_SET,
            config(
                Map.of(
                    "pyramid.postgres.provider", "external",
                    "pyramid.postgres.url", "jdbc:postgresql://db:5432/fleet",
                    "pyramid.postgres.username", "fleet",
                    "pyramid.postgres.password", "s3cret")));

    assertThat(settings.provider()).isEqualTo(Provider.EXTERNAL);
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/fleet");
    assertThat(settings.username()).isEqualTo("fleet");
    assertThat(settings.password()).isEqualTo("s3cret");
  }

  @Test
  void should_choose_external_when_only_a_url_is_configured() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            NOTHING_SET, config(Map.of("pyramid.postgres.url", "jdbc:postgresql://db:5432/fleet")));

    assertThat(settings.provider()).isEqualTo(Provider.EXTERNAL);
    assertThat(settings.username()).isEqualTo("postgres");
    assertThat(settings.reason()).isEqualTo("pyramid.postgres.url is set and pyramid.postgres.provider is not");
  }

  @Test
  void should_let_builder_values_win_over_configuration() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            new PostgresSettings.Explicit(Provider.EMBEDDED, null, null, null),
            config(
                Map.of(
                    "pyramid.postgres.provider", "external",
                    "pyramid.postgres.url", "jdbc:postgresql://db:5432/fleet")));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(settings.reason()).isEqualTo("provider embedded was set on PostgresFixture.builder()");
  }

  @Test
  void should_reject_external_without_url_naming_the_key_to_set() {
    assertThatThrownBy(
            () ->
                PostgresSettings.resolve(
                    NOTHING_SET, config(Map.of("pyramid.postgres.provider", "external"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a JDBC URL")
        .hasMessageContaining("Set pyramid.postgres.url=");
  }

  @Test
  void should_reject_an_unknown_provider_listing_the_known_ones() {
    assertThatThrownBy(
            () ->
                PostgresSettings.resolve(
                    NOTHING_SET, config(Map.of("pyramid.postgres.provider", "docker"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "pyramid.postgres.provider=docker is not a known provider; use one of auto, embedded, external");
  }

  @Test
  void should_ignore_blank_configuration_values() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            NOTHING_SET,
            config(Map.of("pyramid.postgres.provider", "  ", "pyramid.postgres.url", "")));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
  }

  @Test
  void should_keep_the_password_out_of_its_string_form() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            NOTHING_SET,
            config(
                Map.of(
                    "pyramid.postgres.url", "jdbc:postgresql://db:5432/fleet",
                    "pyramid.postgres.password", "s3cret")));

    assertThat(settings.toString()).doesNotContain("s3cret");
    assertThat(settings.describe()).doesNotContain("s3cret");
  }
}
