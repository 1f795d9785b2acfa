package dev.pyramid.reporting.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The string matcher must say exactly what the JDK's glob matcher says, for every glob and path
 * here.
 */
@UnitTest
class FileGlobTests {

  private static final List<String> GLOBS =
      List.of(
          "**/target/surefire-reports/unit/TEST-*.xml",
          "**/target/failsafe-reports/contract/TEST-*.xml",
          "**/target/pacts/*.json",
          "**/target/site/jacoco/jacoco.xml",
          "allure-results/*-result.json",
          "*-result.json",
          "reports/*/TEST-*.xml",
          "a*b*c.txt",
          "TEST-*",
          "*",
          "jacoco.xml",
          "a*",
          "*.txt",
          "a*c.txt",
          "**/x",
          "**/*",
          "**",
          "**/target/{a,b}/*.xml",
          "r?ports/*.xml",
          "**/dir/**/*.json");

  private static final List<String> PATHS =
      List.of(
          "target/surefire-reports/unit/TEST-a.xml",
          "svc/target/surefire-reports/unit/TEST-a.xml",
          "deep/er/svc/target/surefire-reports/unit/TEST-.xml",
          "svc/target/surefire-reports/unit/TEST-a.xml.bak",
          "svc/target/surefire-reports/unit/nested/TEST-a.xml",
          "svc/target/surefire-reports/contract/TEST-a.xml",
          "svc/target/failsafe-reports/contract/TEST-b.xml",
          "svc/target/pacts/a-b.json",
          "target/site/jacoco/jacoco.xml",
          "allure-results/0a-result.json",
          "x/allure-results/0a-result.json",
          "allure-results/sub/0a-result.json",
          "0a-result.json",
          "-result.json",
          "reports/one/TEST-a.xml",
          "reports/one/two/TEST-a.xml",
          "abc.txt",
          "aXbYc.txt",
          "aXbYcZ.txt",
          "acb.txt",
          "x",
          "y/x",
          "target/a/1.xml",
          "target/c/1.xml",
          "rePorts/1.xml",
          "reports/1.xml",
          "q/dir/z/w.json",
          "TEST-",
          "jacoco.xml",
          "jacoco.xml.old",
          "ac.txt",
          "a",
          ".txt");

  @Test
  void agrees_with_the_jdk_glob_matcher_on_every_pair() {
    for (String glob : GLOBS) {
      PathMatcher jdk =
          FileSystems.getDefault()
              .getPathMatcher("glob:" + (glob.startsWith("**/") ? glob : "root/" + glob));
      FileGlob ours = new FileGlob(glob);
      for (String relative : PATHS) {
        boolean expected = jdk.matches(Path.of("root").resolve(relative));
        assertThat(ours.matches(relative)).as("%s against %s", glob, relative).isEqualTo(expected);
      }
    }
  }

  @Test
  void matches_stars_within_one_segment_only() {
    assertThat(FileGlob.segmentMatches("TEST-*.xml", "TEST-a.b.xml", 0, 12)).isTrue();
    assertThat(FileGlob.segmentMatches("*a*a", "banana", 0, 6)).isTrue();
    assertThat(FileGlob.segmentMatches("*a*a", "banan", 0, 5)).isFalse();
    assertThat(FileGlob.segmentMatches("", "", 0, 0)).isTrue();
  }

  @Test
  void says_why_a_glob_is_invalid_where_it_is_written() {
    assertThat(FileGlob.invalid("**/target/*.xml")).isEmpty();
    assertThat(FileGlob.invalid("reports/{a,b/*.xml")).hasValue("Missing '} near index 17");
    assertThatThrownBy(() -> new FileGlob("reports/[a.xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Missing ']");
  }

  @Test
  void a_glob_starting_with_any_directories_also_matches_at_the_root() {
    assertThat(new FileGlob("**/target/gatling/*").matches("target/gatling/run-1")).isTrue();
    assertThat(new FileGlob("target/gatling/*").matches("a/target/gatling/run-1")).isFalse();
    assertThat(new FileGlob("**").matches("a/b/c.json")).isTrue();
  }
}
