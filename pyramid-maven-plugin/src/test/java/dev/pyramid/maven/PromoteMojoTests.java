package dev.pyramid.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class PromoteMojoTests {

  @TempDir Path dir;

  private PromoteMojo promote() throws Exception {
    PromoteMojo promote = new PromoteMojo();
    promote.stage = "staging";
    promote.policy = new File("../quality-gate.yml").getAbsoluteFile();
    promote.history = Files.writeString(dir.resolve("history.jsonl"), "").toFile();
    promote.from = dir.toFile();
    return promote;
  }

  @Test
  void should_name_the_history_parameter_when_the_history_does_not_exist() throws Exception {
    PromoteMojo promote = promote();
    promote.history = dir.resolve("none.jsonl").toFile();

    assertThatThrownBy(promote::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("none.jsonl does not exist")
        .hasMessageContaining("parameter history, property pyramid.history");
  }

  @Test
  void should_refuse_a_stage_that_is_not_on_the_path() throws Exception {
    PromoteMojo promote = promote();
    promote.stage = "qa";

    assertThatThrownBy(promote::check).hasMessageContaining("Unknown stage \"qa\"");
  }

  @Test
  void should_pass_every_option_to_the_promote_command() throws Exception {
    PromoteMojo promote = promote();
    promote.approvedBy = "lead";
    promote.commit = "abc123";
    promote.buildId = "42";

    assertThat(String.join(" ", promote.arguments()))
        .isEqualTo(
            "promote --stage staging --policy "
                + promote.policy
                + " --history "
                + promote.history
                + " --approved-by lead --from "
                + dir
                + " --commit abc123 --build-id 42");
  }
}
