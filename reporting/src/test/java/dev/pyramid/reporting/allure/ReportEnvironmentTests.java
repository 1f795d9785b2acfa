package dev.pyramid.reporting.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions from the checkout's pom, the PostgreSQL provider from the tests' log, the executor from
 * CI variables.
 */
@UnitTest
class ReportEnvironmentTests {

  @TempDir Path root;

  @Test
  void should_read_platform_and_tool_versions_and_the_postgres_provider_that_ran()
      throws Exception {
    Files.writeString(
        root.resolve("pom.xml"),
        """
        <project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId>
          <version>1.2.3</version>
          <properties><junit.version>5.14.4</junit.version><pact.version>4.7.5</pact.version>
            <gatling.version>3.15.1</gatling.version><allure-commandline.version>2.34.1</allure-commandline.version>
          </properties></project>
        """);
    Path reports = root.resolve("e2e-tests/target/failsafe-reports/e2e");
    Files.createDirectories(reports);
    Files.writeString(
        reports.resolve("TEST-x.RideIT.xml"),
        "<testsuite><system-out>INFO PostgreSQL provider: embedded"
            + " PostgreSQL 14 (pyramid.postgres.provider is not set; embedded is the default)\n</system-out></testsuite>");

    Map<String, String> environment = ReportEnvironment.of(List.of(root));

    assertThat(environment)
        .containsEntry("platform.version", "1.2.3")
        .containsEntry("junit.version", "5.14.4")
        .containsEntry("pact.version", "4.7.5")
        .containsEntry("gatling.version", "3.15.1")
        .containsEntry("allure-commandline.version", "2.34.1")
        .containsEntry("postgres.provider", "embedded PostgreSQL 14");
  }

  @Test
  void should_read_the_versions_a_parent_pins() throws Exception {
    Files.createDirectories(root.resolve("service-parent"));
    Files.createDirectories(root.resolve("bom"));
    Files.writeString(
        root.resolve("pom.xml"),
        """
        <project><parent><groupId>g</groupId><artifactId>sp</artifactId><version>1</version>
          <relativePath>service-parent/pom.xml</relativePath></parent>
          <artifactId>a</artifactId><version>1.2.3</version>
          <properties><jmh.version>1.37</jmh.version></properties></project>
        """);
    Files.writeString(
        root.resolve("service-parent/pom.xml"),
        """
        <project><parent><groupId>g</groupId><artifactId>bom</artifactId><version>1</version>
          <relativePath>../bom</relativePath></parent><artifactId>sp</artifactId></project>
        """);
    Files.writeString(
        root.resolve("bom/pom.xml"),
        "<project><properties><junit.version>5.14.4</junit.version></properties></project>");

    assertThat(ReportEnvironment.of(List.of(root)))
        .containsEntry("platform.version", "1.2.3")
        .containsEntry("junit.version", "5.14.4");
  }

  @Test
  void should_say_when_no_postgres_provider_ran() throws Exception {
    assertThat(ReportEnvironment.of(List.of(root))).containsEntry("postgres.provider", "none ran");
  }

  @Test
  void should_describe_a_github_actions_run() {
    Map<String, Object> executor =
        ReportEnvironment.executor(
            Map.of(
                "GITHUB_ACTIONS",
                "true",
                "GITHUB_SERVER_URL",
                "https://github.example",
                "GITHUB_REPOSITORY",
                "team/pyramid",
                "GITHUB_RUN_ID",
                "987",
                "GITHUB_RUN_NUMBER",
                "42",
                "GITHUB_WORKFLOW",
                "ci"));

    assertThat(executor)
        .containsEntry("type", "github")
        .containsEntry("buildOrder", 42L)
        .containsEntry("buildName", "ci #42")
        .containsEntry("buildUrl", "https://github.example/team/pyramid/actions/runs/987");
  }

  @Test
  void should_describe_a_gitlab_and_a_jenkins_run() {
    assertThat(
            ReportEnvironment.executor(
                Map.of(
                    "GITLAB_CI",
                    "true",
                    "CI_JOB_URL",
                    "https://gl/j/5",
                    "CI_PIPELINE_ID",
                    "77",
                    "CI_PIPELINE_IID",
                    "7",
                    "CI_JOB_NAME",
                    "verify",
                    "CI_PROJECT_URL",
                    "https://gl/p")))
        .containsEntry("type", "gitlab")
        .containsEntry("buildUrl", "https://gl/j/5")
        .containsEntry("buildOrder", 7L)
        .containsEntry("buildName", "verify #77");
    assertThat(
            ReportEnvironment.executor(
                Map.of(
                    "BUILD_URL",
                    "https://ci/job/p/3/",
                    "BUILD_NUMBER",
                    "3",
                    "JOB_NAME",
                    "p",
                    "JENKINS_URL",
                    "https://ci/")))
        .containsEntry("type", "jenkins")
        .containsEntry("buildName", "p #3")
        .containsEntry("buildOrder", 3L);
  }

  @Test
  void should_describe_a_local_build_by_its_host() {
    assertThat(ReportEnvironment.executor(Map.of("HOSTNAME", "laptop")))
        .containsEntry("type", "local")
        .containsEntry("buildName", "local build on laptop");
  }
}
