package dev.pyramid.framework.api;

import io.qameta.allure.Allure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * One run of a flag test template ({@link FlagStates}, {@link FlagMatrix}): named after its flag
 * settings ({@code [eta-buffer=on, wide-pickup=off]}), it sets them before the test and carries
 * each in Allure as a parameter and a {@value #FLAG_LABEL} label, so the report and the gate tell
 * the runs apart.
 */
final class FlagSettingsInvocation implements TestTemplateInvocationContext {
  /** The Allure label that names a flag state a run had, e.g. {@code eta-buffer=on}. */
  static final String FLAG_LABEL = "flag";

  private final Map<String, String> settings;

  FlagSettingsInvocation(Map<String, String> settings) {
    this.settings = new LinkedHashMap<>(settings);
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return settings.entrySet().stream()
        .map(setting -> setting.getKey() + "=" + setting.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    // Registered after the method's FeatureFlagsExtension, so it sets the flags after the clear.
    return List.of(
        (BeforeEachCallback)
            context -> {
              FeatureFlags flags = FeatureFlags.installed();
              settings.forEach(
                  (flag, value) -> {
                    flags.set(flag, value);
                    Allure.parameter(flag, value);
                    Allure.label(FLAG_LABEL, flag + "=" + value);
                  });
            });
  }
}
