package dev.pyramid.reporting.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pyramid.framework.api.UnitTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's compiler directives ({@code src/main/launcher/pyramid-jit.json}) name classes and
 * methods as strings, which the JVM matches silently: a renamed class would simply lose its tuning.
 * Every class they name must load and every method they name must be declared.
 */
@UnitTest
class JitDirectivesTests {

  private static final Path DIRECTIVES = Path.of("src/main/launcher/pyramid-jit.json");

  /** HotSpot's directive files are JSON with unquoted keys, comments and trailing commas. */
  private static final JsonMapper JSON5ISH =
      JsonMapper.builder()
          .enable(
              JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
              JsonReadFeature.ALLOW_JAVA_COMMENTS,
              JsonReadFeature.ALLOW_TRAILING_COMMA,
              JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();

  @Test
  void every_class_and_method_the_directives_name_exists() throws IOException {
    List<String> patterns = matchPatterns(JSON5ISH.readTree(DIRECTIVES.toFile()));

    assertThat(patterns).as("the directives' match patterns").isNotEmpty();
    assertThat(patterns).allSatisfy(pattern -> assertThat(missing(pattern)).as(pattern).isNull());
  }

  @Test
  void a_renamed_class_or_method_is_reported() {
    assertThat(missing("dev/pyramid/reporting/results/NoSuchReader.*")).contains("does not load");
    assertThat(missing("sun/security/provider/SHA2.noSuchMethod")).contains("declares no method");
    assertThat(missing("sun/security/provider/SHA2.implCompress")).isNull();
    assertThat(missing("sun/security/provider/SHA*.*")).contains("wildcard");
  }

  /** Every {@code match} of every directive, a string or an array of strings. */
  private static List<String> matchPatterns(JsonNode directives) {
    assertThat(directives.isArray()).as("a list of directives").isTrue();
    List<String> patterns = new ArrayList<>();
    for (JsonNode directive : directives) {
      JsonNode match = directive.get("match");
      assertThat(match).as("every directive has a match: %s", directive).isNotNull();
      if (match.isArray()) {
        match.forEach(item -> patterns.add(item.textValue()));
      } else {
        patterns.add(match.textValue());
      }
    }
    return patterns;
  }

  /**
   * Why {@code pattern} ({@code package/Class.method}, the match-everything {@code *.*} aside)
   * names nothing, or null when its class loads and its method is {@code *} or declared there.
   * Wildcards inside a name are refused: they would let a rename go unnoticed.
   */
  private static String missing(String pattern) {
    if (pattern.equals("*.*")) {
      return null;
    }
    int dot = pattern.lastIndexOf('.');
    if (dot < 0 || pattern.contains("(")) {
      return "not of the form package/Class.method";
    }
    String className = pattern.substring(0, dot).replace('/', '.');
    String method = pattern.substring(dot + 1);
    if (className.contains("*") || (method.contains("*") && !method.equals("*"))) {
      return "a wildcard inside a name: name the class and the method (or *) in full";
    }
    Class<?> type;
    try {
      type = Class.forName(className, false, JitDirectivesTests.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return "class " + className + " does not load";
    }
    if (method.equals("*")
        || Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals)) {
      return null;
    }
    return className + " declares no method " + method;
  }
}
