package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code pyramid api-diff}: its exit codes, its table, its Markdown and JSON files. */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class ApiDiffCommandTests {

  @TempDir Path dir;

  private int exit;

  @Test
  void compatible_documents_exit_0_with_the_additions_listed() throws Exception {
    String printed = run(pair("optional-additions"), "--today", "2026-06-01");

    assertThat(exit).isZero();
    assertThat(printed)
        .contains("v1       kept    0         1      0        0")
        .contains("Added (compatible):\n  GET /v1/vehicles\n")
        .endsWith("COMPATIBLE: no breaking change\n");
  }

  @Test
  void a_breaking_change_exits_1_naming_operation_field_and_change() throws Exception {
    String printed = run(pair("type-changed"));

    assertThat(exit).isEqualTo(1);
    assertThat(printed)
        .containsPattern(
            "v1 +GET /v1/rides/\\{id} +response 200 application/json +fare +"
                + "type changed from integer to string\n")
        .contains("BREAKING: 3 breaking changes in v1");
  }

  @Test
  void a_removal_is_judged_on_the_day_given() throws Exception {
    String[] removed = pair("endpoint-removed-after-deprecation");

    String early = run(removed, "--today", "2026-03-30");
    int earlyExit = exit;
    String onTime = run(removed, "--today", "2026-03-31");

    assertThat(earlyExit).isEqualTo(1);
    assertThat(early).contains("removed before its sunset date 2026-03-31 [Pyramid rule]");
    assertThat(exit).isZero();
    assertThat(onTime).contains("GET /v1/rides/{id} (sunset 2026-03-31)");
  }

  @Test
  void a_sunset_option_stands_in_for_a_missing_x_sunset() throws Exception {
    run(pair("endpoint-removed-no-sunset"), "--today", "2026-06-01", "--sunset", "v1=2026-05-01");

    assertThat(exit).isZero();
  }

  @Test
  void markdown_and_json_files_carry_the_same_findings() throws Exception {
    Path markdown = dir.resolve("out/api-diff.md");
    Path json = dir.resolve("out/api-diff.json");

    run(
        pair("version-removed"),
        "--today",
        "2026-06-01",
        "--markdown",
        markdown.toString(),
        "--json",
        json.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(Files.readString(markdown))
        .startsWith("## BREAKING: 1 breaking change in v1")
        .contains("| v1 | removed | 1 | 0 | 2 | 0 |")
        .contains(
            "| v1 | GET /v1/rides/{id} | operation |  | removed; deprecated but with no sunset date"
                + " (x-sunset) [Pyramid rule] |");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("compatible").asBoolean()).isFalse();
    assertThat(report.at("/versions/0/status").asText()).isEqualTo("removed");
    assertThat(report.at("/versions/0/breaking/0/operation").asText())
        .isEqualTo("GET /v1/rides/{id}");
    assertThat(report.at("/versions/0/breaking/0/origin").asText()).isEqualTo("pyramid");
    assertThat(report.at("/versions/0/removed/0/sunset").asText()).isEqualTo("2026-01-31");
    assertThat(report.at("/versions/1/version").asText()).isEqualTo("v2");
  }

  @Test
  void openapi_31_exits_2_naming_the_file_and_writes_nothing() throws Exception {
    String[] documents = pair("openapi-31");
    Path json = dir.resolve("api-diff.json");

    String printed = run(documents, "--json", json.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(printed)
        .startsWith("api-diff: cannot compare: " + documents[0] + ": OpenAPI 3.1.0 is refused")
        .doesNotContain("COMPATIBLE");
    assertThat(json).doesNotExist();
  }

  @Test
  void garbage_exits_2_naming_the_input() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Path notOpenApi = Files.writeString(dir.resolve("package.json"), "{\"name\": \"fleet\"}");
    String good = pair("optional-additions")[0];

    String printedEmpty = run(new String[] {good, empty.toString()});
    int emptyExit = exit;
    String printedJson = run(new String[] {notOpenApi.toString(), good});

    assertThat(emptyExit).isEqualTo(2);
    assertThat(printedEmpty).contains(empty + ": empty: not an OpenAPI document");
    assertThat(exit).isEqualTo(2);
    assertThat(printedJson)
        .contains(notOpenApi + ": not an OpenAPI 3.0 document: no 'openapi' key");
  }

  @Test
  void usage_errors_exit_3() throws Exception {
    String[] documents = pair("optional-additions");

    String missing = capture("api-diff", documents[0]);
    int missingExit = exit;
    String pattern = capture("api-diff", documents[0], documents[1], "--version-pattern", "v(");
    int patternExit = exit;
    capture("api-diff", documents[0], documents[1], "--today", "tomorrow");

    assertThat(missingExit).isEqualTo(3);
    assertThat(missing).contains("Missing required parameter: 'NEW'");
    assertThat(patternExit).isEqualTo(3);
    assertThat(pattern).contains("--version-pattern is not a regular expression");
    assertThat(exit).isEqualTo(3);
  }

  private static String[] pair(String rule) {
    Path pair = BuildTree.resource("apidiff/" + rule);
    return new String[] {pair.resolve("old.yaml").toString(), pair.resolve("new.yaml").toString()};
  }

  private String run(String[] documents, String... options) throws Exception {
    String[] args = new String[3 + options.length];
    args[0] = "api-diff";
    args[1] = documents[0];
    args[2] = documents[1];
    System.arraycopy(options, 0, args, 3, options.length);
    return capture(args);
  }

  private String capture(String... args) throws Exception {
    return ConsoleCapture.capture(() -> exit = PyramidCommand.run(args));
  }
}
