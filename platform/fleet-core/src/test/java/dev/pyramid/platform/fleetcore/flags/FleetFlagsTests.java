package dev.pyramid.platform.fleetcore.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.pyramid.flags.FlagFileException;
import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fleet-core's flags as a process reads them: the stage's file, through flagd in file mode. */
@UnitTest
class FleetFlagsTests {
  private static final Path REGISTRY = Path.of("..", "..", "flags", "registry.flagd.json");
  private static final Path STAGES = Path.of("..", "..", "flags", "stages");

  @TempDir Path dir;

  /**
   * A client reading as fleet-core does, in a domain of its own so that no other test's provider
   * interferes.
   */
  private static Client client(FeatureProvider provider) {
    String domain = "fleet-flags-test-" + System.nanoTime();
    OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
    return OpenFeatureAPI.getInstance().getClient(domain);
  }

  @Test
  void production_delivers_wide_pickup_to_its_pilot_rider_only_and_keeps_the_eta_buffer_dark()
      throws Exception {
    Client flags =
        client(FleetFlags.fromStageFile(STAGES.resolve("production.flagd.json"), REGISTRY));

    assertThat(
            flags.getBooleanValue(
                FleetFlags.WIDE_PICKUP, false, new ImmutableContext("rider-pilot-1")))
        .isTrue();
    assertThat(
            flags.getBooleanValue(FleetFlags.WIDE_PICKUP, false, new ImmutableContext("rider-7")))
        .isFalse();
    assertThat(flags.getBooleanValue(FleetFlags.ETA_BUFFER, true, new ImmutableContext("rider-7")))
        .isFalse();
  }

  @Test
  void dev_runs_both_flags_on() throws Exception {
    Client flags = client(FleetFlags.fromStageFile(STAGES.resolve("dev.flagd.json"), REGISTRY));

    assertThat(flags.getBooleanValue(FleetFlags.ETA_BUFFER, false, new ImmutableContext("r")))
        .isTrue();
    assertThat(flags.getBooleanValue(FleetFlags.WIDE_PICKUP, false, new ImmutableContext("r")))
        .isTrue();
  }

  @Test
  void a_stage_file_naming_a_variant_the_registry_lacks_is_refused_before_any_service_reads_it()
      throws Exception {
    Path stage =
        Files.writeString(
            dir.resolve("production.flagd.json"),
            Files.readString(STAGES.resolve("production.flagd.json"))
                .replaceFirst("\"defaultVariant\": \"off\"", "\"defaultVariant\": \"half\"")
                .replaceFirst(
                    "\\{ \"on\": true, \"off\": false \\}",
                    "{ \"on\": true, \"off\": false, \"half\": true }"));

    assertThatThrownBy(() -> FleetFlags.fromStageFile(stage, REGISTRY))
        .isInstanceOf(FlagFileException.class)
        .hasMessageContaining(
            stage + ":6: flag \"eta-buffer\": variant \"half\" is not in the registry");
  }
}
