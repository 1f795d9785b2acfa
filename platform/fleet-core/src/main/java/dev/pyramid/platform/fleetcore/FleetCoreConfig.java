package dev.pyramid.platform.fleetcore;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run fleet-core: where to listen, which database, which routing API.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1}
 * @param port port to bind; 0 picks a free one
 * @param jdbcUrl PostgreSQL JDBC URL
 * @param dbUser database user
 * @param dbPassword database password; may be empty (trust or .pgpass authentication)
 * @param routingBaseUrl base URL of the third-party routing API
 * @param routingTimeout connect and response timeout for the routing API
 * @param maxPickupKm the farthest a vehicle may be from a pickup to be assigned
 */
public record FleetCoreConfig(
    String host,
    int port,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    URI routingBaseUrl,
    Duration routingTimeout,
    double maxPickupKm) {

  public static final int DEFAULT_PORT = 8081;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_ROUTING_TIMEOUT = Duration.ofSeconds(2);
  public static final double DEFAULT_MAX_PICKUP_KM = 10.0;

  public FleetCoreConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(dbUser, "dbUser");
    Objects.requireNonNull(dbPassword, "dbPassword");
    Objects.requireNonNull(routingBaseUrl, "routingBaseUrl");
    Objects.requireNonNull(routingTimeout, "routingTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
    }
    if (routingTimeout.isNegative() || routingTimeout.isZero()) {
      throw new IllegalArgumentException("routingTimeout must be positive, was " + routingTimeout);
    }
    if (!(maxPickupKm > 0) || Double.isInfinite(maxPickupKm)) {
      throw new IllegalArgumentException(
          "maxPickupKm must be a positive number, was " + maxPickupKm);
    }
  }

  /**
   * Reads the configuration from environment variables: {@code DATABASE_URL}, {@code DATABASE_USER}
   * and {@code ROUTING_URL} are required; {@code PORT} (8081), {@code HOST} (127.0.0.1), {@code
   * DATABASE_PASSWORD} (empty), {@code ROUTING_TIMEOUT_MS} (2000) and {@code MAX_PICKUP_KM} (10)
   * have defaults.
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static FleetCoreConfig fromEnvironment(Map<String, String> env) {
    Variables vars = new Variables(env);
    String jdbcUrl =
        vars.required(
            "DATABASE_URL", "the PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/fleet");
    String user = vars.required("DATABASE_USER", "the database user");
    URI routing = vars.uri("ROUTING_URL");
    return new FleetCoreConfig(
        vars.optional("HOST", DEFAULT_HOST),
        vars.port("PORT", DEFAULT_PORT),
        jdbcUrl,
        user,
        vars.optional("DATABASE_PASSWORD", ""),
        routing,
        Duration.ofMillis(
            vars.positiveLong("ROUTING_TIMEOUT_MS", DEFAULT_ROUTING_TIMEOUT.toMillis())),
        vars.positiveDouble("MAX_PICKUP_KM", DEFAULT_MAX_PICKUP_KM));
  }

  /** Typed reads of environment variables whose errors name the variable. */
  private record Variables(Map<String, String> env) {

    String required(String name, String what) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "Missing required environment variable " + name + " (" + what + ")");
      }
      return value.trim();
    }

    String optional(String name, String fallback) {
      String value = env.get(name);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    URI uri(String name) {
      String value = required(name, "the routing API base URL, e.g. http://localhost:9090");
      try {
        URI uri = URI.create(value);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new IllegalArgumentException("not absolute");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + " must be an absolute http(s) URL, was '" + value + "'", e);
      }
    }

    int port(String name, int fallback) {
      long port = number(name, fallback);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be a port within [0, 65535], was " + port);
      }
      return (int) port;
    }

    long positiveLong(String name, long fallback) {
      long value = number(name, fallback);
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    double positiveDouble(String name, double fallback) {
      String value = optional(name, null);
      if (value == null) {
        return fallback;
      }
      double parsed;
      try {
        parsed = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
      }
      if (!(parsed > 0) || Double.isInfinite(parsed)) {
        throw new IllegalArgumentException(
            name + " must be a positive number, was '" + value + "'");
      }
      return parsed;
    }

    private long number(String name, long fallback) {
      String value = optional(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            name + " must be a whole number, was '" + value + "'", e);
      }
    }
  }
}
