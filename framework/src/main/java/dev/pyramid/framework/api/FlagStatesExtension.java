package dev.pyramid.framework.api;

import io.qameta.allure.Allure;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The provider behind {@link FlagStates}: one invocation per state. */
final class FlagStatesExtension implements TestTemplateInvocationContextProvider {
  /** The Allure label that names the flag state a run had. */
  static final String FLAG_LABEL = "flag";

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, FlagStates.class))
        .isPresent();
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    FlagStates states =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, FlagStates.class))
            .orElseThrow();
    if (states.flag().isBlank() || states.values().length == 0) {
      throw new ExtensionConfigurationException(
          "@FlagStates on "
              + context.getDisplayName()
              + " needs a flag name and at least one value");
    }
    return Arrays.stream(states.values()).map(value -> invocation(states.flag(), value));
  }

  private static TestTemplateInvocationContext invocation(String flag, String value) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[" + flag + "=" + value + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        // Registered after the method's FeatureFlagsExtension, so it sets the flag after the clear.
        return List.of(
            (BeforeEachCallback)
                context -> {
                  FeatureFlags.installed().set(flag, value);
                  Allure.parameter(flag, value);
                  Allure.label(FLAG_LABEL, flag + "=" + value);
                });
      }
    };
  }
}
