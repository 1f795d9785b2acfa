package dev.pyramid.framework.api;

import dev.openfeature.sdk.OpenFeatureAPI;
import dev.pyramid.flags.FlagFileException;
import dev.pyramid.flags.FlagRegistry;
import dev.pyramid.flags.StageFlags;
import dev.pyramid.framework.api.stage.StageBuild;
import dev.pyramid.framework.internal.flags.EvaluationRecorder;
import dev.pyramid.framework.internal.flags.StageFlagsProvider;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The extension behind {@link WithStageFlags}. */
final class StageFlagsExtension
    implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {
  /** The system property naming the flag registry. */
  static final String REGISTRY_KEY = "pyramid.flags.registry";

  /** The system property naming the folder of the stages' flag files. */
  static final String STAGES_KEY = "pyramid.flags.stages";

  /** The system property naming the candidate's stage. */
  static final String STAGE_KEY = StageBuild.STAGE_KEY;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Deployment.isDeployed(context) || Deployment.isRollingUpdate(context)) {
      return ConditionEvaluationResult.disabled(
          "Skipped: the stage's flags are set inside this JVM, which the services of a deployed"
              + " environment or a rolling update do not read; they read their own flag files");
    }
    return ConditionEvaluationResult.enabled("the stage's flags are read in-process");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String stage = property(STAGE_KEY, StageBuild.DEFAULT_STAGE);
    Path registryFile = Path.of(property(REGISTRY_KEY, "flags/registry.flagd.json"));
    Path stageFile = Path.of(property(STAGES_KEY, "flags/stages")).resolve(stage + ".flagd.json");
    StageFlags flags;
    try {
      flags = StageFlags.read(stage, stageFile, FlagRegistry.read(registryFile));
    } catch (FlagFileException e) {
      throw new ExtensionConfigurationException(
          "@WithStageFlags cannot run "
              + context.getDisplayName()
              + " with the flags of stage \""
              + stage
              + "\": "
              + e.getMessage()
              + (e.line() == 0
                  ? " (set "
                      + REGISTRY_KEY
                      + " and "
                      + STAGES_KEY
                      + ", or keep flags/registry.flagd.json and flags/stages/<stage>.flagd.json"
                      + " under the working directory)"
                  : ""),
          e);
    }
    if (!StageFlagsProvider.available()) {
      throw new ExtensionConfigurationException(
          "@WithStageFlags reads the stage's flag file through OpenFeature's flagd provider, which"
              + " is not on the test classpath; add the dependency"
              + " dev.openfeature.contrib.providers:flagd (pyramid-bom gives its version)");
    }
    OpenFeatureAPI.getInstance().setProviderAndWait(StageFlagsProvider.of(stageFile));
    EvaluationRecorder.installed()
        .withStageFlags(context.getUniqueId(), stage, stageFile, flags.sha256());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // Back to the tests' own provider, every flag unset.
    FeatureFlags.installed().clear();
  }

  private static String property(String key, String fallback) {
    return Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank()).orElse(fallback);
  }
}
