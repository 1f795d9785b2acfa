package dev.pyramid.framework.internal.flags;

import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.FeatureProvider;
import java.nio.file.Path;

/**
 * OpenFeature's flagd provider in file mode, on a stage's flag file: the one class of the framework
 * that needs the (optional) flagd artifact, so that the rest loads without it. Internal.
 */
public final class StageFlagsProvider {
  private static final String FLAGD_CLASS = "dev.openfeature.contrib.providers.flagd.FlagdProvider";

  private StageFlagsProvider() {}

  /** True when the flagd provider is on the classpath. */
  public static boolean available() {
    try {
      Class.forName(FLAGD_CLASS, false, StageFlagsProvider.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** A provider serving {@code stageFile} as flagd would, following the file as it changes. */
  public static FeatureProvider of(Path stageFile) {
    return new FlagdProvider(
        FlagdOptions.builder()
            .resolverType(Config.Resolver.FILE)
            .offlineFlagSourcePath(stageFile.toAbsolutePath().toString())
            .build());
  }
}
