package dev.pyramid.framework.api;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The provider behind {@link FlagStates}: one invocation per state. */
final class FlagStatesExtension implements TestTemplateInvocationContextProvider {
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
    return Arrays.stream(states.values())
        .map(value -> new FlagSettingsInvocation(Map.of(states.flag(), value)));
  }
}
