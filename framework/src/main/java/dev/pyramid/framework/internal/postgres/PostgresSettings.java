package dev.pyramid.framework.internal.postgres;

import dev.pyramid.framework.api.PostgresFixture;
import dev.pyramid.framework.api.PostgresFixture.Provider;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which PostgreSQL provider runs, with what connection details, and why: the one decision
 * behind {@link PostgresFixture}, kept free of I/O so that it can be tested on its own.
 *
 * <p>Internal: not part of Pyramid's public API.
 *
 * @param provider the provider that will actually run: {@code EMBEDDED} or {@code EXTERNAL}, never {@code AUTO}
 * @param reason one human sentence saying why this provider was chosen, for the log
 * @param jdbcUrl the JDBC URL for {@code EXTERNAL}; {@code null} for {@code EMBEDDED}
 * @param username the user for {@code EXTERNAL}; {@code null} for {@code EMBEDDED}
 * @param password the password for {@code EXTERNAL}; may be {@code null}
 */
public record PostgresSettings(
    Provider provider, String reason, String jdbcUrl, String username, String password) {

  /**
   * Decides the provider from what the caller set explicitly (wins) and from configuration.
   *
   * @param explicit values set on the builder; any field may be {@code null}
   * @param configuration looks up a configuration key such as {@code pyramid.postgres.provider};
   *     JUnit configuration parameters in an extension, system properties otherwise
   * @throws IllegalArgumentException when the configuration names an unknown provider, or
   *     {@code external} is chosen without a JDBC URL
   */
  public static PostgresSettings resolve(
      Explicit explicit, Function<String, Optional<String>> configuration) {
    String url = firstOf(explicit.jdbcUrl(), configuration, PostgresFixture.URL_KEY);
    String username = firstOf(explicit.username(), configuration, PostgresFixture.USERNAME_KEY);
    String password = firstOf(explicit.password(), configuration, PostgresFixture.PASSWORD_KEY);

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
        return new PostgresSettings(
            Provider.EMBEDDED,
            why + "; auto means embedded PostgreSQL for now (container support comes later)",
            null,
            null,
            null);
      case EMBEDDED:
        return new PostgresSettings(Provider.EMBEDDED, why, null, null, null);
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
                  + "), or use provider embedded.");
        }
        return new PostgresSettings(
            Provider.EXTERNAL, why, url, username == null ? "postgres" : username, password);
      default:
        throw new IllegalStateException("unhandled provider " + requested);
    }
  }

  /** The log line that says which provider runs and why. */
  public String describe() {
    if (provider == Provider.EXTERNAL) {
      return "PostgreSQL provider: external at " + jdbcUrl + " as " + username + " (" + reason + ")";
    }
    return "PostgreSQL provider: embedded (" + reason + ")";
  }

  /** Keeps the password out of logs and failure messages. */
  @Override
  public String toString() {
    return "PostgresSettings[provider=" + provider + ", reason=" + reason + ", jdbcUrl=" + jdbcUrl
        + ", username=" + username + ", password=" + (password == null ? "null" : "***") + "]";
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
            + Arrays.stream(Provider.values()).map(PostgresSettings::name).collect(Collectors.joining(", ")));
  }

  private static String name(Provider provider) {
    return provider.name().toLowerCase(Locale.ROOT);
  }

  private static String firstOf(
      String explicit, Function<String, Optional<String>> configuration, String key) {
    return explicit != null ? explicit : lookup(configuration, key).orElse(null);
  }

  private static Optional<String> lookup(Function<String, Optional<String>> configuration, String key) {
    return configuration.apply(key).map(String::trim).filter(value -> !value.isEmpty());
  }

  /** What the caller set on the builder; {@code null} means "not set". */
  public record Explicit(Provider provider, String jdbcUrl, String username, String password) {
    @Override
    public String toString() {
      return "Explicit[provider=" + provider + ", jdbcUrl=" + jdbcUrl + ", username=" + username + "]";
    }
  }
}
