package dev.pyramid.platform.fleetcore.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.pyramid.framework.api.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class FleetFlagsTests {

  /**
   * Reads as fleet-core does, through a client, in a domain of its own so no other test's provider
   * interferes.
   */
  private static boolean read(FeatureProvider provider, String flag) {
    String domain = "fleet-flags-test-" + System.nanoTime();
    OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
    return OpenFeatureAPI.getInstance().getClient(domain).getBooleanValue(flag, false);
  }

  @Test
  void should_turn_on_the_flags_the_environment_names() {
    assertThat(read(FleetFlags.fromEnvironment("eta-buffer=on"), FleetFlags.ETA_BUFFER)).isTrue();
    assertThat(
            read(
                FleetFlags.fromEnvironment(" eta-buffer = off ,other=true"), FleetFlags.ETA_BUFFER))
        .isFalse();
  }

  @Test
  void should_leave_unnamed_flags_off() {
    assertThat(read(FleetFlags.fromEnvironment(null), FleetFlags.ETA_BUFFER)).isFalse();
  }

  @Test
  void should_name_a_malformed_entry() {
    assertThatThrownBy(() -> FleetFlags.fromEnvironment("eta-buffer=maybe"))
        .hasMessage(
            "FLAGS entry 'eta-buffer=maybe' must be name=on or name=off, e.g. FLAGS=eta-buffer=on");
  }
}
