package dev.pyramid.reporting.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.InMemory;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table of condition kinds is complete: every kind documented, its example valid, the policy's
 * comments in step.
 */
@UnitTest
class ConditionKindsTests {

  /** Surefire runs in the module directory; the live policy lies at the repository root. */
  private static final Path LIVE_POLICY = Path.of("..", "quality-gate.yml");

  @TempDir Path dir;

  @Test
  void every_kind_has_a_key_a_summary_and_an_example() {
    assertThat(ConditionKinds.ALL)
        .allSatisfy(
            kind -> {
              assertThat(kind.key())
                  .as("key of %s", kind.getClass().getSimpleName())
                  .matches("[a-z0-9]+(-[a-z0-9]+)*");
              assertThat(kind.summary()).as("summary of %s", kind.key()).isNotBlank();
              assertThat(kind.example()).as("example of %s", kind.key()).contains(kind.key() + ":");
            });
    assertThat(ConditionKinds.ALL).extracting(ConditionKind::key).doesNotHaveDuplicates();
  }

  @Test
  void every_example_is_a_valid_condition_of_its_kind() throws Exception {
    for (ConditionKind kind : ConditionKinds.ALL) {
      Policy policy = new PolicyReader().read(InMemory.policyFile(dir, kind.example()));

      assertThat(
              policy
                  .lane(Policy.DEFAULT_LANE)
                  .orElseThrow()
                  .stage("production")
                  .orElseThrow()
                  .conditions())
          .as("the example of %s", kind.key())
          .singleElement()
          .satisfies(condition -> assertThat(condition.kind()).isSameAs(kind));
    }
  }

  @Test
  void the_live_policy_documents_every_kind_with_its_example() throws Exception {
    String comments =
        Files.readAllLines(LIVE_POLICY).stream()
            .filter(line -> line.startsWith("#"))
            .collect(Collectors.joining("\n"));

    assertThat(ConditionKinds.ALL)
        .allSatisfy(
            kind ->
                assertThat(comments)
                    .as(
                        "%s documents no example of %s: add a comment line\n#   %-48s%s",
                        LIVE_POLICY, kind.key(), kind.example(), kind.summary())
                    .contains("#   " + kind.example()));
  }

  @Test
  void the_live_policy_documents_no_kind_the_gate_does_not_know() throws Exception {
    Pattern example = Pattern.compile("\\{ ([^}]*) }");
    List<String> comments =
        Files.readAllLines(LIVE_POLICY).stream().filter(line -> line.startsWith("#   {")).toList();

    assertThat(comments).isNotEmpty();
    for (String line : comments) {
      Matcher matcher = example.matcher(line);
      while (matcher.find()) {
        List<String> keys =
            Pattern.compile("([a-z0-9-]+):")
                .matcher(matcher.group(1))
                .results()
                .map(m -> m.group(1))
                .filter(key -> !ConditionKind.COMMON_OPTIONS.contains(key))
                .filter(key -> ConditionKinds.keysTaking(key).isEmpty())
                .toList();
        assertThat(keys)
            .as("condition keys in %s: %s", LIVE_POLICY, line)
            .singleElement()
            .satisfies(key -> assertThat(ConditionKinds.byKey(key)).as("kind %s", key).isPresent());
      }
    }
  }
}
