package dev.pyramid.reporting.allure;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The platform feature a test class belongs to, for the report's behaviors tree (epic = layer,
 * feature = this), when the test does not name one itself with Allure's {@code @Feature}.
 *
 * <p>The first rule whose pattern is found in the fully qualified class name wins; without a match
 * the class's package's last segment is the feature.
 */
final class FeatureNames {

  private record Rule(Pattern pattern, String feature) {}

  private static final List<Rule> RULES =
      List.of(
          rule("\\.fleetcore\\.vehicles\\.|Vehicle", "vehicles"),
          rule("\\.fleetcore\\.(routing|geo)\\.|Routing", "routing"),
          rule("\\.flags\\.|Flag", "feature flags"),
          rule("\\.platform\\.gateway\\.|Gateway|ApiKey", "gateway"),
          rule("Ride|\\.platform\\.fleetcore\\.|\\.contracts\\.", "rides"),
          rule("\\.reporting\\.", "gate"),
          rule("\\.framework\\.|\\.fixtures\\.|Allure|Postgres", "framework"));

  private FeatureNames() {}

  private static Rule rule(String regex, String feature) {
    return new Rule(Pattern.compile(regex), feature);
  }

  /** The feature of {@code className} (fully qualified); "other" when it is empty. */
  static String of(String className) {
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(className).find()) {
        return rule.feature();
      }
    }
    int lastDot = className.lastIndexOf('.');
    if (lastDot <= 0) {
      return "other";
    }
    String pkg = className.substring(0, lastDot);
    return pkg.substring(pkg.lastIndexOf('.') + 1);
  }
}
