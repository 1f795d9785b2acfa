package dev.pyramid.framework.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.PostgresFixture.Provider;
import dev.pyramid.framework.api.UnitTest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@UnitTest
class PostgresSettingsTests {
  private static final PostgresSettings.Explicit NOTHING_SET =
      new PostgresSettings.Explicit(null, null, null, null, null);
  private static final Supplier<ContainerEngine.Status> NO_ENGINE =
      () -> new ContainerEngine.Status(false, "DOCKER_HOST unset");
  private static final Supplier<ContainerEngine.Status> ENGINE =
      () -> new ContainerEngine.Status(true, "at unix:///run/podman/podman.sock");
  private static final Supplier<ContainerEngine.Status> NOT_ASKED =
      () -> {
        throw new AssertionError("the container engine must not be probed for this provider");
      };

  private static PostgresSettings resolveWithoutEngine(
      PostgresSettings.Explicit explicit, Function<String, Optional<String>> configuration) {
    return PostgresSettings.resolve(explicit, configuration, NOT_ASKED);
  }

  private static PostgresSettings resolve(Map<String, String> values) {
    return PostgresSettings.resolve(NOTHING_SET, config(values), NOT_ASKED);
  }

  private static Function<String, Optional<String>> config(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  @Test
  void should_use_embedded_by_default_and_say_it_is_the_default() {
    PostgresSettings settings = resolve(Map.of());

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(settings.describe())
        .isEqualTo(
            "PostgreSQL provider: embedded PostgreSQL 14 (pyramid.postgres.provider is not set; embedded is the default)");
  }

  @Test
  void should_run_embedded_for_auto_without_engine_and_say_how_to_require_containers() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            NOTHING_SET, config(Map.of("pyramid.postgres.provider", "auto")), NO_ENGINE);

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(settings.describe())
        .isEqualTo(
            "PostgreSQL provider: embedded PostgreSQL 14 (pyramid.postgres.provider=auto and no"
                + " container engine answered (DOCKER_HOST unset); using embedded PostgreSQL 14."
                + " Set pyramid.postgres.provider=testcontainers to require containers)");
  }

  @Test
  void should_run_a_container_for_auto_when_an_engine_answers_and_allow_falling_back() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            NOTHING_SET, config(Map.of("pyramid.postgres.provider", "auto")), ENGINE);

    assertThat(settings.provider()).isEqualTo(Provider.TESTCONTAINERS);
    assertThat(settings.fallbackToEmbedded()).isTrue();
    assertThat(settings.image()).isEqualTo("postgres:16-alpine");
    assertThat(settings.describe())
        .isEqualTo(
            "PostgreSQL provider: testcontainers (pyramid.postgres.provider=auto and a container"
                + " engine answered (at unix:///run/podman/podman.sock); image postgres:16-alpine)");
  }

  @Test
  void should_say_why_auto_fell_back_to_embedded_after_a_container_failed() {
    PostgresSettings settings =
        PostgresSettings.resolve(
                NOTHING_SET, config(Map.of("pyramid.postgres.provider", "auto")), ENGINE)
            .embeddedInstead("ContainerFetchException (Can't get Docker image)");

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(settings.reason())
        .contains("the container did not start (ContainerFetchException (Can't get Docker image))")
        .endsWith("Set pyramid.postgres.provider=testcontainers to make this an error");
  }

  @Test
  void should_require_an_engine_for_testcontainers_naming_the_script_that_prepares_one() {
    assertThatThrownBy(
            () ->
                PostgresSettings.resolve(
                    NOTHING_SET,
                    config(Map.of("pyramid.postgres.provider", "testcontainers")),
                    NO_ENGINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "PostgreSQL provider testcontainers needs a container engine, and none answered"
                + " (DOCKER_HOST unset; pyramid.postgres.provider=testcontainers)")
        .hasMessageContaining("scripts/container-engine.sh")
        .hasMessageContaining("pyramid.postgres.provider=auto");
  }

  @Test
  void should_not_fall_back_when_testcontainers_is_required_and_use_the_configured_image() {
    PostgresSettings settings =
        PostgresSettings.resolve(
            NOTHING_SET,
            config(
                Map.of(
                    "pyramid.postgres.provider", "testcontainers",
                    "pyramid.postgres.image", "localhost/pyramid-postgres:15")),
            ENGINE);

    assertThat(settings.provider()).isEqualTo(Provider.TESTCONTAINERS);
    assertThat(settings.fallbackToEmbedded()).isFalse();
    assertThat(settings.image()).isEqualTo("localhost/pyramid-postgres:15");
  }

  @Test
  void should_read_provider_case_insensitively_and_trimmed() {
    PostgresSettings settings = resolve(Map.of("pyramid.postgres.provider", " Embedded "));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
  }

  @Test
  void should_use_external_with_configured_connection_details() {
    PostgresSettings settings =
        resolveWithoutEngine(
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
        resolveWithoutEngine(
            NOTHING_SET, config(Map.of("pyramid.postgres.url", "jdbc:postgresql://db:5432/fleet")));

    assertThat(settings.provider()).isEqualTo(Provider.EXTERNAL);
    assertThat(settings.username()).isEqualTo("postgres");
    assertThat(settings.reason())
        .isEqualTo("pyramid.postgres.url is set and pyramid.postgres.provider is not");
  }

  @Test
  void should_let_builder_values_win_over_configuration() {
    PostgresSettings settings =
        resolveWithoutEngine(
            new PostgresSettings.Explicit(Provider.EMBEDDED, null, null, null, null),
            config(
                Map.of(
                    "pyramid.postgres.provider", "external",
                    "pyramid.postgres.url", "jdbc:postgresql://db:5432/fleet")));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
    assertThat(settings.reason())
        .isEqualTo("provider embedded was set on PostgresFixture.builder()");
  }

  @Test
  void should_reject_external_without_url_naming_the_key_to_set() {
    assertThatThrownBy(
            () ->
                resolveWithoutEngine(
                    NOTHING_SET, config(Map.of("pyramid.postgres.provider", "external"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a JDBC URL")
        .hasMessageContaining("Set pyramid.postgres.url=");
  }

  @Test
  void should_reject_an_unknown_provider_listing_the_known_ones() {
    assertThatThrownBy(
            () ->
                resolveWithoutEngine(
                    NOTHING_SET, config(Map.of("pyramid.postgres.provider", "docker"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "pyramid.postgres.provider=docker is not a known provider; use one of auto, testcontainers, embedded, external");
  }

  @Test
  void should_ignore_blank_configuration_values() {
    PostgresSettings settings =
        resolveWithoutEngine(
            NOTHING_SET,
            config(Map.of("pyramid.postgres.provider", "  ", "pyramid.postgres.url", "")));

    assertThat(settings.provider()).isEqualTo(Provider.EMBEDDED);
  }

  @Test
  void should_keep_the_password_out_of_its_string_form() {
    PostgresSettings settings =
        resolveWithoutEngine(
            NOTHING_SET,
            config(
                Map.of(
                    "pyramid.postgres.url", "jdbc:postgresql://db:5432/fleet",
                    "pyramid.postgres.password", "s3cret")));

    assertThat(settings.toString()).doesNotContain("s3cret");
    assertThat(settings.describe()).doesNotContain("s3cret");
  }
}
