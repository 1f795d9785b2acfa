package dev.pyramid.framework.internal.postgres;

import dev.pyramid.framework.api.PostgresFixture;
import dev.pyramid.framework.api.PostgresFixture.Provider;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which PostgreSQL provider runs, with what connection details or image, and why: the one decision
 * behind {@link PostgresFixture}. Its only input from the machine is the container engine probe,
 * passed in, so that the decision can be tested on its own.
 *
 * <p>Internal: not part of Pyramid's public API.
 *
 * @param provider the provider that will run: {@code TESTCONTAINERS}, {@code EMBEDDED} or {@code
 *     EXTERNAL}, never {@code AUTO}
 * @param fallbackToEmbedded whether a container that fails to start may be replaced by embedded
 *     PostgreSQL: true when {@code auto} chose containers, false when they were required
 * @param reason one human sentence saying why this provider was chosen, for the log
 * @param jdbcUrl the JDBC URL for {@code EXTERNAL}; {@code null} otherwise
 * @param username the user for {@code EXTERNAL}; {@code null} otherwise
 * @param password the password for {@code EXTERNAL}; may be {@code null}
 * @param image the container image for {@code TESTCONTAINERS}; {@code null} otherwise
 */
public record PostgresSettings(
    Provider provider,
    boolean fallbackToEmbedded,
    String reason,
    String jdbcUrl,
    String username,
    String password,
    String image) {

  /** The image used where {@value PostgresFixture#IMAGE_KEY} is not set: the official one. */
  public static final String DEFAULT_IMAGE = "postgres:16-alpine";

  /** The version of PostgreSQL that the embedded provider (zonky's default binaries) runs. */
  static final String EMBEDDED_VERSION = "PostgreSQL 14";

  /**
   * Decides the provider from what the caller set explicitly (wins) and from configuration.
   *
   * @param explicit values set on the builder; any field may be {@code null}
   * @param configuration looks up a configuration key such as {@code pyramid.postgres.provider};
   *     JUnit configuration parameters in an extension, system properties otherwise
   * @param engine asks whether a container engine answers; called only for {@code auto} and {@code
   *     testcontainers}
   * @throws IllegalArgumentException naming the cause and the fix when the configuration names an
   *     unknown provider, {@code external} has no JDBC URL, or {@code testcontainers} is required
   *     and no container engine answers
   */
  public static PostgresSettings resolve(
      Explicit explicit,
      Function<String, Optional<String>> configuration,
      Supplier<ContainerEngine.Status> engine) {
    String url = firstOf(explicit.jdbcUrl(), configuration, PostgresFixture.URL_KEY);
    String username = firstOf(explicit.username(), configuration, PostgresFixture.USERNAME_KEY);
    String password = firstOf(explicit.password(), configuration, PostgresFixture.PASSWORD_KEY);
    String configuredImage = firstOf(explicit.image(), configuration, PostgresFixture.IMAGE_KEY);
    String image = configuredImage == null ? DEFAULT_IMAGE : configuredImage;

    Provider requested;
    String why;
    Optional<String> configured = lookup(configuration, PostgresFixture.PROVIDER_KEY);
    if (explicit.provider() != null) {
      requested = explicit.provider();
      why = "provider " + name(requested) + " was set on PostgresFixture.builder()";
    } else if (configured.isPresent()) {
      requested = parse(configured.get());
      why = PostgresFixture.PROVIDER_KEY + "=" + configured.get().trim();
    } else if (url != null) {
      requested = Provider.EXTERNAL;
      why = PostgresFixture.URL_KEY + " is set and " + PostgresFixture.PROVIDER_KEY + " is not";
    } else {
      requested = Provider.EMBEDDED;
      why = PostgresFixture.PROVIDER_KEY + " is not set; embedded is the default";
    }

    switch (requested) {
      case AUTO:
        {
          ContainerEngine.Status status = engine.get();
          if (status.answers()) {
            return new PostgresSettings(
                Provider.TESTCONTAINERS,
                true,
                why + " and a container engine answered (" + status.where() + "); image " + image,
                null,
                null,
                null,
                image);
          }
          return new PostgresSettings(
              Provider.EMBEDDED,
              false,
              why
                  + " and no container engine answered ("
                  + status.where()
                  + "); using embedded "
                  + EMBEDDED_VERSION
                  + ". Set "
                  + PostgresFixture.PROVIDER_KEY
                  + "=testcontainers to require containers",
              null,
              null,
              null,
              null);
        }
      case TESTCONTAINERS:
        {
          ContainerEngine.Status status = engine.get();
          if (!status.answers()) {
            throw new IllegalArgumentException(
                "PostgreSQL provider testcontainers needs a container engine, and none answered ("
                    + status.where()
                    + "; "
                    + why
                    + "). Fix: start Docker, or on a machine without Docker run"
                    + " scripts/container-engine.sh and export the DOCKER_HOST and"
                    + " TESTCONTAINERS_RYUK_DISABLED it prints; or set "
                    + PostgresFixture.PROVIDER_KEY
                    + "=auto (containers where an engine answers, else embedded) or embedded.");
          }
          return new PostgresSettings(
              Provider.TESTCONTAINERS,
              false,
              why + "; a container engine answered (" + status.where() + "); image " + image,
              null,
              null,
              null,
              image);
        }
      case EMBEDDED:
        return new PostgresSettings(Provider.EMBEDDED, false, why, null, null, null, null);
      case EXTERNAL:
        if (url == null) {
          throw new IllegalArgumentException(
              "PostgreSQL provider external needs a JDBC URL ("
                  + why
                  + "). Set "
                  + PostgresFixture.URL_KEY
                  + "=jdbc:postgresql://host:5432/db (and "
                  + PostgresFixture.USERNAME_KEY
                  + ", "
                  + PostgresFixture.PASSWORD_KEY
                  + "), or use provider auto or embedded.");
        }
        return new PostgresSettings(
            Provider.EXTERNAL,
            false,
            why,
            url,
            username == null ? "postgres" : username,
            password,
            null);
      default:
        throw new IllegalStateException("unhandled provider " + requested);
    }
  }

  /** The same decision, after a container failed to start under {@code auto}: embedded instead. */
  public PostgresSettings embeddedInstead(String failure) {
    return new PostgresSettings(
        Provider.EMBEDDED,
        false,
        reason
            + ", but the container did not start ("
            + failure
            + "); using embedded "
            + EMBEDDED_VERSION
            + " instead. Set "
            + PostgresFixture.PROVIDER_KEY
            + "=testcontainers to make this an error",
        null,
        null,
        null,
        null);
  }

  /** The log line that says which provider runs and why. */
  public String describe() {
    switch (provider) {
      case EXTERNAL:
        return "PostgreSQL provider: external at "
            + jdbcUrl
            + " as "
            + username
            + " ("
            + reason
            + ")";
      case TESTCONTAINERS:
        return "PostgreSQL provider: testcontainers (" + reason + ")";
      default:
        return "PostgreSQL provider: embedded " + EMBEDDED_VERSION + " (" + reason + ")";
    }
  }

  /** Keeps the password out of logs and failure messages. */
  @Override
  public String toString() {
    return "PostgresSettings[provider="
        + provider
        + ", reason="
        + reason
        + ", jdbcUrl="
        + jdbcUrl
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "***")
        + ", image="
        + image
        + "]";
  }

  private static Provider parse(String value) {
    String normalized = value.trim().toUpperCase(Locale.ROOT);
    for (Provider candidate : Provider.values()) {
      if (candidate.name().equals(normalized)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        PostgresFixture.PROVIDER_KEY
            + "="
            + value
            + " is not a known provider; use one of "
            + Arrays.stream(Provider.values())
                .map(PostgresSettings::name)
                .collect(Collectors.joining(", ")));
  }

  private static String name(Provider provider) {
    return provider.name().toLowerCase(Locale.ROOT);
  }

  private static String firstOf(
      String explicit, Function<String, Optional<String>> configuration, String key) {
    return explicit != null ? explicit : lookup(configuration, key).orElse(null);
  }

  private static Optional<String> lookup(
      Function<String, Optional<String>> configuration, String key) {
    return configuration.apply(key).map(String::trim).filter(value -> !value.isEmpty());
  }

  /** What the caller set on the builder; {@code null} means "not set". */
  public record Explicit(
      Provider provider, String jdbcUrl, String username, String password, String image) {
    @Override
    public String toString() {
      return "Explicit[provider="
          + provider
          + ", jdbcUrl="
          + jdbcUrl
          + ", username="
          + username
          + ", image="
          + image
          + "]";
    }
  }
}
