package dev.pyramid.reporting.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one-pass YAML read builds the tree Jackson's readTree builds, and knows every key's line. */
@UnitTest
class YamlLinesTests {

  private static final Path FILE = Path.of("policy.yml");

  @Test
  void builds_the_tree_readtree_builds_for_the_repository_s_own_files_and_odd_values()
      throws Exception {
    String odd =
        """
        a: 1
        b: 12345678901
        c: 123456789012345678901234567890
        d: 1.5
        e: [true, false, ~, "x", 'y', plain text]
        f: { g: [ [1, 2], { h: null } ] }
        """;
    for (String text :
        new String[] {
          Files.readString(Path.of("..", "quality-gate.yml")),
          Files.readString(Path.of("..", "quarantine.yml")),
          odd
        }) {
      assertThat(YamlLines.parse(FILE, text).root()).isEqualTo(new YAMLMapper().readTree(text));
    }
  }

  @Test
  void knows_the_line_of_every_key_and_list_element() throws Exception {
    YamlLines lines = YamlLines.parse(FILE, "a:\n  b:\n    - x\n    - { c: 1 }\nd: 2\n").lines();

    assertThat(lines.lineOf("a.b")).isEqualTo(2);
    assertThat(lines.lineOf("a.b[1]")).isEqualTo(4);
    assertThat(lines.lineOf("a.b[1].c")).isEqualTo(4);
    assertThat(lines.lineOf("d")).isEqualTo(5);
    assertThat(lines.lineOf("a.b[1].unknown")).isEqualTo(4);
  }

  @Test
  void a_key_given_twice_and_a_syntax_error_name_their_lines() throws Exception {
    assertThatThrownBy(() -> YamlLines.parse(FILE, "a: 1\nb:\n  c: 1\n  c: 2\n"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("policy.yml:4")
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> YamlLines.parse(FILE, "a: [1, 2\nb: 3\n"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("not valid YAML");
    assertThat(YamlLines.parse(FILE, "").root()).isNull();
  }
}
