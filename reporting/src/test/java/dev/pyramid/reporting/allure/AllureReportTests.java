package dev.pyramid.reporting.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates real reports with the Allure commandline this module unpacks
 * (target/allure-commandline): layers as the top suites, categories, the Gatling run inside the
 * report, and a trend after the second build.
 */
@UnitTest
class AllureReportTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  private void buildTree() throws Exception {
    Path results = root.resolve("platform/target/allure-results");
    Files.createDirectories(results);
    Files.writeString(
        results.resolve("1-result.json"),
        """
        {"uuid": "1", "historyId": "h1", "name": "picksTheNearest", "status": "failed",
         "fullName": "dev.pyramid.platform.fleetcore.vehicles.NearestVehicleTests.picksTheNearest",
         "statusDetails": {"message": "expected: <1> but was: <2>"}, "start": 1, "stop": 2,
         "labels": [{"name": "layer", "value": "unit"}, {"name": "parentSuite", "value": "unit"},
                    {"name": "suite", "value": "dev.pyramid.platform.fleetcore.vehicles.NearestVehicleTests"},
                    {"name": "testClass", "value": "dev.pyramid.platform.fleetcore.vehicles.NearestVehicleTests"},
                    {"name": "testMethod", "value": "picksTheNearest"}]}
        """);
    Path run = root.resolve("perf-tests/target/gatling/ridebookingsimulation-20260101000000000");
    Files.createDirectories(run.resolve("js"));
    Files.writeString(run.resolve("index.html"), "<html>gatling</html>");
    Files.writeString(run.resolve("js/stats.js"), "var stats = {};");
  }

  private boolean report(StringWriter out) {
    return AllureReport.run(
        List.of(root),
        root.resolve("reporting/target/allure-results"),
        root.resolve("reporting/target/allure-report"),
        null,
        root.resolve(".pyramid/allure-history"),
        Map.of("stage", "test"),
        new PrintWriter(out, true),
        new PrintWriter(out, true));
  }

  @Test
  void should_show_a_trend_of_two_points_after_the_second_report() throws Exception {
    buildTree();
    StringWriter first = new StringWriter();
    assertThat(report(first)).as(first.toString()).isTrue();
    assertThat(first.toString()).contains("Allure history: none yet");
    // A new build empties the aggregate's results, as the module's initialize phase does.
    deleteTree(root.resolve("reporting/target/allure-results"));

    StringWriter second = new StringWriter();
    assertThat(report(second)).as(second.toString()).isTrue();

    Path report = root.resolve("reporting/target/allure-report");
    assertThat(second.toString()).contains("Allure history: carried from");
    assertThat(JSON.readTree(report.resolve("widgets/history-trend.json").toFile())).hasSize(2);
    assertThat(root.resolve(".pyramid/allure-history/history-trend.json")).exists();
    JsonNode suites = JSON.readTree(report.resolve("widgets/suites.json").toFile());
    assertThat(suites.get("items").findValuesAsText("name")).containsExactly("unit");
    assertThat(report.resolve("widgets/categories.json")).content().contains("Product defects");
    // The executor is the CI this runs on (GitHub Actions, GitLab CI, Jenkins), else "local".
    String executor = (String) ReportEnvironment.executor(System.getenv()).get("type");
    assertThat(report.resolve("widgets/executors.json"))
        .content()
        .contains("\"type\":\"" + executor + "\"");
    assertThat(report.resolve("gatling/ridebookingsimulation-20260101000000000/index.html"))
        .exists();
    assertThat(report.resolve("gatling/ridebookingsimulation-20260101000000000/js/stats.js"))
        .exists();
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
