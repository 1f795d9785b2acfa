package dev.pyramid.framework.api;

import io.github.pavelicii.allpairs4j.AllPairs;
import io.github.pavelicii.allpairs4j.Case;
import io.github.pavelicii.allpairs4j.ConstrainableCase;
import io.github.pavelicii.allpairs4j.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The provider behind {@link FlagMatrix}: one invocation per combination of flag settings. */
final class FlagMatrixExtension implements TestTemplateInvocationContextProvider {

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context
        .getTestMethod()
        .flatMap(m -> AnnotationSupport.findAnnotation(m, FlagMatrix.class))
        .isPresent();
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    FlagMatrix matrix =
        context
            .getTestMethod()
            .flatMap(m -> AnnotationSupport.findAnnotation(m, FlagMatrix.class))
            .orElseThrow();
    return combinations(matrix, context.getDisplayName()).stream().map(FlagSettingsInvocation::new);
  }

  /** The runs of {@code matrix}, in order; {@code where} names the test in messages. */
  static List<Map<String, String>> combinations(FlagMatrix matrix, String where) {
    Map<String, List<String>> values = values(matrix, where);
    List<Map<String, String>> excluded = excluded(matrix, values, where);
    Predicate<Map<String, String>> allowed =
        run -> excluded.stream().noneMatch(rule -> run.entrySet().containsAll(rule.entrySet()));
    List<Map<String, String>> runs = new ArrayList<>();
    if (matrix.pairwise()) {
      List<Parameter> parameters = new ArrayList<>();
      values.forEach((flag, list) -> parameters.add(new Parameter(flag, new ArrayList<>(list))));
      AllPairs pairs =
          new AllPairs.AllPairsBuilder()
              .withParameters(parameters)
              .withConstraints(
                  excluded.stream()
                      .<Predicate<ConstrainableCase>>map(rule -> partial -> matches(partial, rule))
                      .toList())
              .build();
      for (Case generated : pairs) {
        Map<String, String> run = new LinkedHashMap<>();
        generated.forEach((flag, value) -> run.put(flag, String.valueOf(value)));
        runs.add(run);
      }
    } else {
      runs.add(new LinkedHashMap<>());
      for (Map.Entry<String, List<String>> flag : values.entrySet()) {
        List<Map<String, String>> longer = new ArrayList<>();
        for (Map<String, String> run : runs) {
          for (String value : flag.getValue()) {
            Map<String, String> next = new LinkedHashMap<>(run);
            next.put(flag.getKey(), value);
            longer.add(next);
          }
        }
        runs = longer;
      }
    }
    runs.removeIf(allowed.negate());
    if (runs.isEmpty()) {
      throw new ExtensionConfigurationException(
          "@FlagMatrix on " + where + " excludes every combination; nothing would run");
    }
    return runs;
  }

  /**
   * True when the case allpairs4j is building matches {@code rule}. Asked about a flag not chosen
   * yet, allpairs4j's case throws, and allpairs4j takes that as "not excluded (yet)".
   */
  private static boolean matches(ConstrainableCase partial, Map<String, String> rule) {
    for (Map.Entry<String, String> setting : rule.entrySet()) {
      if (!setting.getValue().equals(String.valueOf(partial.get(setting.getKey())))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<String>> values(FlagMatrix matrix, String where) {
    if (matrix.flags().length < 2) {
      throw new ExtensionConfigurationException(
          "@FlagMatrix on " + where + " needs at least two flags; for one, use @FlagStates");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (FlagMatrix.Flag flag : matrix.flags()) {
      Set<String> distinct = new LinkedHashSet<>(Arrays.asList(flag.values()));
      if (flag.name().isBlank() || distinct.isEmpty() || distinct.size() != flag.values().length) {
        throw new ExtensionConfigurationException(
            "@FlagMatrix on "
                + where
                + ": flag \""
                + flag.name()
                + "\" needs a name and distinct values, has "
                + Arrays.toString(flag.values()));
      }
      if (values.put(flag.name(), List.copyOf(distinct)) != null) {
        throw new ExtensionConfigurationException(
            "@FlagMatrix on " + where + " names the flag \"" + flag.name() + "\" twice");
      }
    }
    return values;
  }

  private static List<Map<String, String>> excluded(
      FlagMatrix matrix, Map<String, List<String>> values, String where) {
    List<Map<String, String>> rules = new ArrayList<>();
    for (String rule : matrix.excluding()) {
      Map<String, String> settings = new LinkedHashMap<>();
      for (String setting : rule.split(",")) {
        String[] parts = setting.split("=", 2);
        String flag = parts[0].strip();
        String value = parts.length == 2 ? parts[1].strip() : "";
        if (!values.getOrDefault(flag, List.of()).contains(value)) {
          throw new ExtensionConfigurationException(
              "@FlagMatrix on "
                  + where
                  + ": excluding \""
                  + rule
                  + "\": \""
                  + setting.strip()
                  + "\" is not flag=value of the matrix's flags "
                  + values);
        }
        settings.put(flag, value);
      }
      rules.add(settings);
    }
    return rules;
  }
}
