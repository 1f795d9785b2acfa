package dev.pyramid.platform.gateway;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to run the gateway: where to listen, where fleet-core is, which API keys it accepts.
 *
 * @param host interface to bind, e.g. {@code 127.0.0.1}
 * @param port port to bind; 0 picks a free one
 * @param fleetCoreBaseUrl fleet-core's base URL
 * @param apiKeys the accepted values of the {@code X-Api-Key} header; at least one
 */
public record GatewayConfig(String host, int port, URI fleetCoreBaseUrl, Set<String> apiKeys) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "127.0.0.1";

  public GatewayConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(fleetCoreBaseUrl, "fleetCoreBaseUrl");
    apiKeys = Set.copyOf(apiKeys);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
    }
    if (apiKeys.isEmpty() || apiKeys.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("apiKeys must hold at least one key and no blank ones");
    }
  }

  /**
   * Reads the configuration from environment variables: {@code FLEET_CORE_URL} and {@code API_KEYS}
   * (comma-separated) are required; {@code HOST} (127.0.0.1) and {@code PORT} (8080) have defaults.
   *
   * @throws IllegalArgumentException naming the variable that is missing or malformed
   */
  public static GatewayConfig fromEnvironment(Map<String, String> env) {
    String fleetCore = required(env, "FLEET_CORE_URL");
    URI fleetCoreUrl;
    try {
      fleetCoreUrl = URI.create(fleetCore);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "FLEET_CORE_URL must be an absolute URL, was '" + fleetCore + "'", e);
    }
    if (fleetCoreUrl.getScheme() == null || fleetCoreUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "FLEET_CORE_URL must be an absolute URL, was '" + fleetCore + "'");
    }
    Set<String> keys = new LinkedHashSet<>();
    Arrays.stream(required(env, "API_KEYS").split(","))
        .map(String::trim)
        .filter(key -> !key.isEmpty())
        .forEach(keys::add);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("API_KEYS must list at least one key (comma-separated)");
    }
    String host = env.getOrDefault("HOST", "").isBlank() ? DEFAULT_HOST : env.get("HOST").trim();
    return new GatewayConfig(host, port(env), fleetCoreUrl, keys);
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing required environment variable " + name);
    }
    return value.trim();
  }

  private static int port(Map<String, String> env) {
    String value = env.get("PORT");
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException("out of range");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "PORT must be a port within [0, 65535], was '" + value + "'", e);
    }
  }

  @Override
  public String toString() {
    // Keys are secrets: never print them, e.g. in a startup log line.
    return "GatewayConfig[host="
        + host
        + ", port="
        + port
        + ", fleetCoreBaseUrl="
        + fleetCoreBaseUrl
        + ", apiKeys="
        + apiKeys.size()
        + " key(s)]";
  }
}
