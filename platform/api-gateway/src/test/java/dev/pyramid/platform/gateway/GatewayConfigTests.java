package dev.pyramid.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@UnitTest
class GatewayConfigTests {

  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put("FLEET_CORE_URL", "http://127.0.0.1:8081");
    env.put("API_KEYS", "alpha, beta,,");
    return env;
  }

  @Test
  void readsTheVariablesAndAppliesDefaults() {
    GatewayConfig config = GatewayConfig.fromEnvironment(minimal());

    assertThat(config)
        .isEqualTo(
            new GatewayConfig(
                "127.0.0.1", 8080, URI.create("http://127.0.0.1:8081"), Set.of("alpha", "beta")));
  }

  @Test
  void readsHostAndPort() {
    Map<String, String> env = minimal();
    env.put("HOST", "0.0.0.0");
    env.put("PORT", "0");

    GatewayConfig config = GatewayConfig.fromEnvironment(env);

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isZero();
  }

  @Test
  void namesAMissingFleetCoreUrl() {
    Map<String, String> env = minimal();
    env.remove("FLEET_CORE_URL");

    assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FLEET_CORE_URL");
  }

  @Test
  void namesMissingApiKeys() {
    Map<String, String> env = minimal();
    env.remove("API_KEYS");

    assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env)).hasMessageContaining("API_KEYS");
  }

  @Test
  void refusesApiKeysWithoutAnyKey() {
    Map<String, String> env = minimal();
    env.put("API_KEYS", " , ,");

    assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env)).hasMessageContaining("API_KEYS");
  }

  @Test
  void namesAMalformedPort() {
    Map<String, String> env = minimal();
    env.put("PORT", "70000");

    assertThatThrownBy(() -> GatewayConfig.fromEnvironment(env)).hasMessageContaining("PORT");
  }

  @Test
  void keepsKeysOutOfItsStringForm() {
    assertThat(GatewayConfig.fromEnvironment(minimal()).toString()).doesNotContain("alpha", "beta");
  }
}
