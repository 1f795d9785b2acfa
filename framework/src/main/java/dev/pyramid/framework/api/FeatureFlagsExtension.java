package dev.pyramid.framework.api;

import java.lang.reflect.AnnotatedElement;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link WithFlags} (and part of {@link FlagStates}): skips against a deployed
 * environment, clears the flags around each test, sets the annotation's flags, and resolves {@link
 * FeatureFlags} parameters. Parallel-safe under the resource lock the annotations take.
 */
final class FeatureFlagsExtension
    implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Deployment.isDeployed(context)) {
      return ConditionEvaluationResult.disabled(
          "Skipped against the deployed environment ("
              + Deployment.GATEWAY_URL_KEY
              + " is set):"
              + " the test sets feature flags inside this JVM; a deployed environment's flags are its own provider's");
    }
    if (Deployment.isRollingUpdate(context)) {
      return ConditionEvaluationResult.disabled(
          "Skipped in a rolling update ("
              + Deployment.ROLLING_UPDATE_KEY
              + " is set): the services run as processes, which flags set inside this JVM do not"
              + " reach");
    }
    return ConditionEvaluationResult.enabled("flags are set in-process");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    FeatureFlags flags = FeatureFlags.installed();
    flags.clear();
    context.getTestClass().ifPresent(type -> apply(type, flags));
    context.getTestMethod().ifPresent(method -> apply(method, flags));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FeatureFlags.installed().clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FeatureFlags.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return FeatureFlags.installed();
  }

  private static void apply(AnnotatedElement element, FeatureFlags flags) {
    AnnotationSupport.findAnnotation(element, WithFlags.class)
        .ifPresent(
            annotation -> {
              for (String setting : annotation.value()) {
                int equals = setting.indexOf('=');
                if (equals <= 0 || equals == setting.length() - 1) {
                  throw new ExtensionConfigurationException(
                      "@WithFlags(\""
                          + setting
                          + "\") on "
                          + element
                          + ": expected name=value, such as \"eta-buffer=on\"");
                }
                flags.set(
                    setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
              }
            });
  }
}
