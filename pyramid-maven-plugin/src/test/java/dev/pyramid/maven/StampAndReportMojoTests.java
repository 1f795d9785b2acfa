package dev.pyramid.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class StampAndReportMojoTests {

  @TempDir Path dir;

  private StampMojo stamp() throws Exception {
    StampMojo stamp = new StampMojo();
    stamp.results = "results";
    Files.createDirectories(dir.resolve("results"));
    stamp.workingDirectory = dir.toFile();
    stamp.scratchDirectory = dir.resolve("scratch").toFile();
    stamp.classDataSharing = false;
    return stamp;
  }

  @Test
  void should_name_the_not_before_parameter_when_it_is_no_instant() throws Exception {
    StampMojo stamp = stamp();
    stamp.notBefore = "yesterday";

    assertThatThrownBy(stamp::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("\"yesterday\" is not an instant")
        .hasMessageContaining("parameter notBefore, property pyramid.stamp.not-before");
  }

  @Test
  void should_name_the_policy_parameter_when_the_stamp_policy_is_missing() throws Exception {
    StampMojo stamp = stamp();
    stamp.policy = dir.resolve("quality-gate.yml").toFile();

    assertThatThrownBy(stamp::check)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("property pyramid.policy");
  }

  @Test
  void should_stamp_each_root_in_a_forked_jvm() throws Exception {
    StampMojo stamp = stamp();
    Path root = dir.resolve("results");
    Files.writeString(root.resolve("TEST-a.xml"), "<testsuite/>");
    stamp.commit = "abc123";
    stamp.buildId = "42";
    stamp.notBefore = "";
    stamp.check();

    stamp.run();

    assertThat(root.resolve(".pyramid/stamp.json")).exists();
  }

  @Test
  void should_read_and_save_the_history_of_the_level_it_reports() throws Exception {
    ReportMojo report = new ReportMojo();
    report.results = dir.toString();
    report.allureReport = dir.resolve("report").toFile();
    report.allureResults = dir.resolve("allure-results").toFile();
    report.allureHistory = dir.resolve("history").toFile();
    report.stage = "none";
    report.level = "contract";

    assertThat(String.join(" ", report.arguments(Path.of("/opt/allure"))))
        .isEqualTo(
            "report --results "
                + dir
                + " --out "
                + dir.resolve("report")
                + " --allure-results "
                + dir.resolve("allure-results")
                + " --allure-home /opt/allure --stage none --level contract --history "
                + dir.resolve("history/contract"));
  }
}
