package dev.pyramid.framework.internal.flags;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An OpenFeature provider whose flags the tests set: each flag holds one text value, read as the
 * type the caller asks for ({@code on}/{@code true} and {@code off}/{@code false} as booleans). A
 * flag nobody set answers the caller's default, with reason {@code DEFAULT}.
 *
 * <p>Internal: not part of Pyramid's public API; use {@code FeatureFlags}. Thread-safe.
 */
public final class TestFlagProvider implements FeatureProvider {
  /** The provider's name, as OpenFeature reports it. */
  public static final String NAME = "pyramid-test-flags";

  private final Map<String, String> values = new ConcurrentHashMap<>();

  @Override
  public Metadata getMetadata() {
    return () -> NAME;
  }

  public void set(String flag, String value) {
    values.put(flag, value);
  }

  public String get(String flag) {
    return values.get(flag);
  }

  public void clear() {
    values.clear();
  }

  @Override
  public ProviderEvaluation<Boolean> getBooleanEvaluation(
      String key, Boolean defaultValue, EvaluationContext ctx) {
    return evaluate(key, defaultValue, TestFlagProvider::toBoolean);
  }

  @Override
  public ProviderEvaluation<String> getStringEvaluation(
      String key, String defaultValue, EvaluationContext ctx) {
    return evaluate(key, defaultValue, Function.identity());
  }

  @Override
  public ProviderEvaluation<Integer> getIntegerEvaluation(
      String key, Integer defaultValue, EvaluationContext ctx) {
    return evaluate(key, defaultValue, text -> Integer.valueOf(text.trim()));
  }

  @Override
  public ProviderEvaluation<Double> getDoubleEvaluation(
      String key, Double defaultValue, EvaluationContext ctx) {
    return evaluate(key, defaultValue, text -> Double.valueOf(text.trim()));
  }

  @Override
  public ProviderEvaluation<Value> getObjectEvaluation(
      String key, Value defaultValue, EvaluationContext ctx) {
    return evaluate(key, defaultValue, Value::new);
  }

  private <T> ProviderEvaluation<T> evaluate(String key, T defaultValue, Function<String, T> read) {
    String text = values.get(key);
    if (text == null) {
      return ProviderEvaluation.<T>builder()
          .value(defaultValue)
          .reason(Reason.DEFAULT.name())
          .build();
    }
    try {
      return ProviderEvaluation.<T>builder()
          .value(read.apply(text))
          .variant(text)
          .reason(Reason.STATIC.name())
          .build();
    } catch (RuntimeException e) {
      return ProviderEvaluation.<T>builder()
          .value(defaultValue)
          .reason(Reason.ERROR.name())
          .errorCode(ErrorCode.TYPE_MISMATCH)
          .errorMessage(
              "Flag '" + key + "' is set to '" + text + "', which is not of the type asked for")
          .build();
    }
  }

  private static Boolean toBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "on", "true", "enabled", "yes" -> true;
      case "off", "false", "disabled", "no" -> false;
      default -> throw new IllegalArgumentException("not a boolean: " + text);
    };
  }
}
