package dev.pyramid.reporting.render;

import static dev.pyramid.reporting.InMemory.condition;
import static dev.pyramid.reporting.InMemory.decide;
import static dev.pyramid.reporting.InMemory.evidence;
import static dev.pyramid.reporting.InMemory.layer;
import static dev.pyramid.reporting.InMemory.policy;
import static dev.pyramid.reporting.results.Layer.E2E;
import static dev.pyramid.reporting.results.Layer.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.policy.Policy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every rendering of one decision, read back by its structure (the JSON tree, the JUnit XML
 * document, the Markdown tables, the console's columns): the same numbers and verdicts in each.
 */
@UnitTest
class RenderersTests {

  /**
   * unit: 4 tests, 1 failed (blocks); e2e: 3 passed, 2 skipped; a weighted flaky bound that passes.
   */
  private final Decision decision =
      decide(
          policy(
              new Policy.Score(100, 0),
              List.of(UNIT, E2E),
              condition("{ layer: unit, max-failures: 0 }"),
              condition("{ layer: e2e, min-tests: 3 }"),
              condition("{ layer: e2e, max-flaky: 0, blocking: false, weight: 2 }")),
          evidence(layer(UNIT).passed(3).failed(1), layer(E2E).passed(3).skipped(2)));

  @Test
  void decision_json_holds_the_verdict_the_layers_and_the_conditions() throws Exception {
    JsonNode json = new ObjectMapper().readTree(DecisionJson.render(decision));

    assertThat(json.get("verdict").asText()).isEqualTo("BLOCK");
    assertThat(json.get("stage").asText()).isEqualTo("production");
    JsonNode layers = json.get("layers");
    assertThat(layers).hasSize(2);
    JsonNode unit = layers.get(0);
    assertThat(unit.get("layer").asText()).isEqualTo("unit");
    assertThat(unit.get("verdict").asText()).isEqualTo("fail");
    assertThat(unit.get("tests").asInt()).isEqualTo(4);
    assertThat(unit.get("failed").asInt()).isEqualTo(1);
    JsonNode conditions = json.get("conditions");
    assertThat(conditions).hasSize(3);
    assertThat(conditions.get(0).get("id").asText()).isEqualTo("unit.max-failures");
    assertThat(conditions.get(0).get("expected").asText()).isEqualTo("<= 0");
    assertThat(conditions.get(0).get("actual").asText()).isEqualTo("1");
    assertThat(conditions.get(0).get("verdict").asText()).isEqualTo("fail");
    assertThat(conditions.get(2).get("blocking").asBoolean()).isFalse();
    assertThat(conditions.get(2).get("weight").asDouble()).isEqualTo(2.0);
  }

  @Test
  void decision_junit_xml_has_one_test_case_per_condition_and_counts_that_match_them()
      throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document xml =
        factory
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    DecisionJunit.render(decision).getBytes(StandardCharsets.UTF_8)));

    Element suite = xml.getDocumentElement();
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(cases.getLength())
        .isEqualTo(3)
        .isEqualTo(Integer.parseInt(suite.getAttribute("tests")));
    assertThat(suite.getElementsByTagName("failure").getLength())
        .isEqualTo(1)
        .isEqualTo(Integer.parseInt(suite.getAttribute("failures")));
    assertThat(suite.getElementsByTagName("error").getLength()).isZero();
    Element failed = (Element) suite.getElementsByTagName("failure").item(0).getParentNode();
    assertThat(failed.getAttribute("name")).isEqualTo("unit.max-failures");
  }

  @Test
  void decision_md_tables_hold_the_same_numbers() {
    List<List<String>> layers = table(DecisionMarkdown.render(decision), "layer");
    List<List<String>> conditions = table(DecisionMarkdown.render(decision), "condition");

    assertThat(layers.get(0))
        .containsExactly(
            "layer", "tests", "passed", "failed", "errored", "skipped", "flaky", "verdict");
    assertThat(layers).hasSize(3);
    assertThat(layers.get(1)).containsExactly("unit", "4", "3", "1", "0", "0", "0", "**fail**");
    assertThat(layers.get(2)).containsExactly("e2e", "5", "3", "0", "0", "2", "0", "pass");
    assertThat(conditions).hasSize(4);
    assertThat(conditions.get(1))
        .containsExactly("`unit.max-failures`", "blocking", "<= 0", "1", "**fail**", "");
    assertThat(conditions.get(3))
        .containsExactly("`e2e.max-flaky`", "weight 2", "<= 0", "0", "pass", "");
  }

  @Test
  void the_console_table_lists_the_layers_and_conditions_in_columns_and_ends_with_the_verdict() {
    List<String> lines = ConsoleTable.render(decision).lines().toList();

    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line.split("\\s+"))
                    .containsExactly("unit", "4", "3", "1", "0", "0", "0", "fail"));
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line.split("\\s+"))
                    .containsExactly("e2e.min-tests", "blocking", ">=", "3", "3", "pass"));
    assertThat(lines.get(lines.size() - 1)).startsWith("BLOCK").endsWith("[exit 1]");
  }

  /**
   * The Markdown table whose header starts with {@code firstHeader}: rows of trimmed cells, header
   * first.
   */
  private static List<List<String>> table(String markdown, String firstHeader) {
    List<List<String>> rows = new ArrayList<>();
    boolean in = false;
    for (String line : markdown.lines().toList()) {
      if (line.startsWith("| " + firstHeader + " |")) {
        in = true;
      } else if (in && !line.startsWith("|")) {
        break;
      }
      if (in && !line.startsWith("| ---")) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
          cells.add(cell.strip());
        }
        rows.add(cells);
      }
    }
    return rows;
  }
}
