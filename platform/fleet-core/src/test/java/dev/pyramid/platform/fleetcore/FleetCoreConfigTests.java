package dev.pyramid.platform.fleetcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@UnitTest
class FleetCoreConfigTests {

  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", "jdbc:postgresql://localhost:5432/fleet");
    env.put("DATABASE_USER", "fleet");
    env.put("ROUTING_URL", "http://localhost:9090");
    return env;
  }

  @Test
  void appliesDefaultsToTheOptionalVariables() {
    FleetCoreConfig config = FleetCoreConfig.fromEnvironment(minimal());

    assertThat(config)
        .isEqualTo(
            new FleetCoreConfig(
                "127.0.0.1",
                8081,
                "jdbc:postgresql://localhost:5432/fleet",
                "fleet",
                "",
                URI.create("http://localhost:9090"),
                Duration.ofSeconds(2),
                10.0));
  }

  @Test
  void readsEveryVariable() {
    Map<String, String> env = minimal();
    env.put("HOST", "0.0.0.0");
    env.put("PORT", "0");
    env.put("DATABASE_PASSWORD", "secret");
    env.put("ROUTING_TIMEOUT_MS", "350");
    env.put("MAX_PICKUP_KM", "2.5");

    FleetCoreConfig config = FleetCoreConfig.fromEnvironment(env);

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isZero();
    assertThat(config.dbPassword()).isEqualTo("secret");
    assertThat(config.routingTimeout()).isEqualTo(Duration.ofMillis(350));
    assertThat(config.maxPickupKm()).isEqualTo(2.5);
  }

  @Test
  void namesAMissingDatabaseUrl() {
    Map<String, String> env = minimal();
    env.remove("DATABASE_URL");

    assertThatThrownBy(() -> FleetCoreConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL");
  }

  @Test
  void namesAMissingDatabaseUser() {
    Map<String, String> env = minimal();
    env.remove("DATABASE_USER");

    assertThatThrownBy(() -> FleetCoreConfig.fromEnvironment(env))
        .hasMessageContaining("DATABASE_USER");
  }

  @Test
  void treatsABlankRoutingUrlAsMissing() {
    Map<String, String> env = minimal();
    env.put("ROUTING_URL", " ");

    assertThatThrownBy(() -> FleetCoreConfig.fromEnvironment(env))
        .hasMessageContaining("Missing required environment variable ROUTING_URL");
  }

  @Test
  void namesAPortThatIsNotANumber() {
    Map<String, String> env = minimal();
    env.put("PORT", "eighty");

    assertThatThrownBy(() -> FleetCoreConfig.fromEnvironment(env)).hasMessageContaining("PORT");
  }

  @Test
  void namesANonPositiveTimeout() {
    Map<String, String> env = minimal();
    env.put("ROUTING_TIMEOUT_MS", "0");

    assertThatThrownBy(() -> FleetCoreConfig.fromEnvironment(env))
        .hasMessageContaining("ROUTING_TIMEOUT_MS");
  }

  @Test
  void namesARelativeRoutingUrl() {
    Map<String, String> env = minimal();
    env.put("ROUTING_URL", "routing:9090");

    assertThatThrownBy(() -> FleetCoreConfig.fromEnvironment(env))
        .hasMessageContaining("ROUTING_URL");
  }
}
