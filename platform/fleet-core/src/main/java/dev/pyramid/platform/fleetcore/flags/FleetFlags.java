package dev.pyramid.platform.fleetcore.flags;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * fleet-core's feature flags, read through OpenFeature. Whoever runs fleet-core chooses the
 * provider: {@code FleetCoreApp.main} installs one from the {@code FLAGS} environment variable;
 * in-process, the JVM's OpenFeature provider (a test's) answers; with none, every flag is off.
 */
public final class FleetFlags {
  /**
   * When on, a ride's ETA includes {@value #ETA_BUFFER_SECONDS} seconds for finding the rider at
   * the pickup.
   */
  public static final String ETA_BUFFER = "eta-buffer";

  /** The buffer {@value #ETA_BUFFER} adds. */
  public static final int ETA_BUFFER_SECONDS = 60;

  /** The OpenFeature client name (domain) fleet-core reads its flags with. */
  public static final String CLIENT = "fleet-core";

  private FleetFlags() {}

  /**
   * A provider for boolean flags named in {@code flags}, such as {@code "eta-buffer=on"}
   * (comma-separated; {@code on}/{@code off}/{@code true}/{@code false}); unnamed flags are off.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code name=on|off}
   */
  public static FeatureProvider fromEnvironment(String flags) {
    Map<String, Flag<?>> parsed = new LinkedHashMap<>();
    for (String entry : (flags == null ? "" : flags).split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split("=", 2);
      String state = parts.length == 2 ? parts[1].trim().toLowerCase(Locale.ROOT) : "";
      boolean on =
          switch (state) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default ->
                throw new IllegalArgumentException(
                    "FLAGS entry '"
                        + entry.trim()
                        + "' must be name=on or name=off, e.g. FLAGS="
                        + ETA_BUFFER
                        + "=on");
          };
      parsed.put(
          parts[0].trim(),
          Flag.builder()
              .variant("on", true)
              .variant("off", false)
              .defaultVariant(on ? "on" : "off")
              .build());
    }
    return new InMemoryProvider(parsed);
  }
}
