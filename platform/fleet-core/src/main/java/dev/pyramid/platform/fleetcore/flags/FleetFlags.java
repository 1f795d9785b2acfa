package dev.pyramid.platform.fleetcore.flags;

import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.FeatureProvider;
import dev.pyramid.flags.FlagFileException;
import dev.pyramid.flags.FlagRegistry;
import dev.pyramid.flags.StageFlags;
import java.nio.file.Path;

/**
 * fleet-core's feature flags, read through OpenFeature. Whoever runs fleet-core chooses the
 * provider: {@code FleetCoreApp.main} reads the stage's flag file through flagd's provider in file
 * mode; in-process, the JVM's OpenFeature provider (a test's) answers; with none, every flag is
 * off. Every flag is registered, with its owner and removal date, in the platform's registry
 * ({@code flags/registry.flagd.json}).
 */
public final class FleetFlags {
  /**
   * When on, a ride's ETA includes {@value #ETA_BUFFER_SECONDS} seconds for finding the rider at
   * the pickup.
   */
  public static final String ETA_BUFFER = "eta-buffer";

  /** The buffer {@value #ETA_BUFFER} adds. */
  public static final int ETA_BUFFER_SECONDS = 60;

  /**
   * When on for a rider (the evaluation's targeting key is the rider's id), vehicles up to {@value
   * #WIDE_PICKUP_FACTOR} times the maximum pickup distance away may be assigned. Delivered to pilot
   * customers first, by targeting.
   */
  public static final String WIDE_PICKUP = "wide-pickup";

  /** How much farther {@value #WIDE_PICKUP} lets a vehicle be. */
  public static final int WIDE_PICKUP_FACTOR = 2;

  /** The OpenFeature client name (domain) fleet-core reads its flags with. */
  public static final String CLIENT = "fleet-core";

  private FleetFlags() {}

  /**
   * A provider serving the flags of the stage's file {@code stageFile} (flagd's format) through
   * flagd in file mode, which follows the file as it changes; the file is first checked against the
   * registry, so that a flag or a variant nobody registered never reaches a service.
   *
   * @throws FlagFileException naming the file, the line, the flag and the fix
   */
  public static FeatureProvider fromStageFile(Path stageFile, Path registryFile)
      throws FlagFileException {
    String stage = stageFile.getFileName().toString().replaceFirst("\\.flagd\\.json$|\\.json$", "");
    StageFlags.read(stage, stageFile, FlagRegistry.read(registryFile));
    return new FlagdProvider(
        FlagdOptions.builder()
            .resolverType(Config.Resolver.FILE)
            .offlineFlagSourcePath(stageFile.toAbsolutePath().toString())
            // flagd's default (500 ms) is for a daemon's answer; reading a file on a busy machine
            // (a CI runner with two cores) took longer, and a service must not fail to start on it.
            .deadline(10_000)
            .build());
  }
}
