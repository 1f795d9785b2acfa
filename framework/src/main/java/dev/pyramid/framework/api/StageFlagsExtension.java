package dev.pyramid.framework.api;

import dev.openfeature.sdk.OpenFeatureAPI;
import dev.pyramid.flags.FlagFileException;
import dev.pyramid.flags.FlagRegistry;
import dev.pyramid.flags.StageFlags;
import dev.pyramid.framework.internal.flags.EvaluationRecorder;
import dev.pyramid.framework.internal.flags.StageFlagsProvider;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The provider behind {@link StageFlagStates}: one invocation per stage's flag file. */
final class StageFlagsExtension
    implements TestTemplateInvocationContextProvider, ExecutionCondition {
  /** The system property naming the flag registry. */
  static final String REGISTRY_KEY = "pyramid.flags.registry";

  /** The system property naming the folder of the stages' flag files. */
  static final String STAGES_KEY = "pyramid.flags.stages";

  /** The Allure label naming the stage whose flags a run had. */
  static final String STAGE_LABEL = "flag-stage";

  private static final String SUFFIX = ".flagd.json";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Deployment.isDeployed(context) || Deployment.isRollingUpdate(context)) {
      return ConditionEvaluationResult.disabled(
          "Skipped: the stages' flags are set inside this JVM, which the services of a deployed"
              + " environment or a rolling update do not read; they read their own flag files");
    }
    return ConditionEvaluationResult.enabled("the stages' flags are read in-process");
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, StageFlagStates.class))
        .isPresent();
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Path registryFile = Path.of(property(REGISTRY_KEY, "flags/registry.flagd.json"));
    Path folder = Path.of(property(STAGES_KEY, "flags/stages"));
    if (!StageFlagsProvider.available()) {
      throw new ExtensionConfigurationException(
          "@StageFlagStates reads the stages' flag files through OpenFeature's flagd provider,"
              + " which is not on the test classpath; add the dependency"
              + " dev.openfeature.contrib.providers:flagd (pyramid-bom gives its version)");
    }
    FlagRegistry registry;
    List<Path> files;
    try {
      registry = FlagRegistry.read(registryFile);
      try (Stream<Path> listed = Files.list(folder)) {
        files =
            listed.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
      }
    } catch (FlagFileException e) {
      throw misconfigured(context, e.getMessage());
    } catch (IOException e) {
      throw misconfigured(context, "cannot list the stages' flag files in " + folder + ": " + e);
    }
    if (files.isEmpty()) {
      throw misconfigured(context, "no <stage>" + SUFFIX + " file in " + folder);
    }
    return files.stream().map(file -> invocation(context, file, registry));
  }

  private static TestTemplateInvocationContext invocation(
      ExtensionContext context, Path file, FlagRegistry registry) {
    String name = file.getFileName().toString();
    String stage = name.substring(0, name.length() - SUFFIX.length());
    StageFlags flags;
    try {
      flags = StageFlags.read(stage, file, registry);
    } catch (FlagFileException e) {
      throw misconfigured(context, e.getMessage());
    }
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[stage=" + stage + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(
            (BeforeEachCallback)
                run -> {
                  OpenFeatureAPI.getInstance().setProviderAndWait(StageFlagsProvider.of(file));
                  EvaluationRecorder.installed()
                      .withStageFlags(run.getUniqueId(), stage, file, flags.sha256());
                  Allure.parameter("stage", stage);
                  Allure.label(STAGE_LABEL, stage);
                },
            // Back to the tests' own provider, every flag unset.
            (AfterEachCallback) run -> FeatureFlags.installed().clear());
      }
    };
  }

  private static ExtensionConfigurationException misconfigured(
      ExtensionContext context, String reason) {
    return new ExtensionConfigurationException(
        "@StageFlagStates cannot run "
            + context.getDisplayName()
            + ": "
            + reason
            + " (the system properties "
            + REGISTRY_KEY
            + " and "
            + STAGES_KEY
            + " name the registry and the folder of <stage>"
            + SUFFIX
            + " files)");
  }

  private static String property(String key, String fallback) {
    return Optional.ofNullable(System.getProperty(key)).filter(v -> !v.isBlank()).orElse(fallback);
  }
}
