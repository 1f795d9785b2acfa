package dev.pyramid.reporting.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.results.PerfAssertion;
import dev.pyramid.reporting.results.RequestStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a decision as Allure 2 results ({@code <uuid>-result.json}): one test per gate condition
 * (label {@code layer=gate}, with decision.md attached) and one per Gatling assertion (label {@code
 * layer=perf}, with the run's statistics per request attached and a link to the run's HTML report),
 * so that the gate and the performance budgets show in the same report as the tests, grouped by
 * layer first like them; and the endpoint map, one result per operation ({@link
 * EndpointMapResults}).
 *
 * <p>File names derive from the stage and the condition or assertion, so a second run overwrites
 * the first instead of adding stale results beside it.
 */
public final class AllureResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where the generated report holds the Gatling runs (the report step copies them there); the same
   * value as {@code dev.pyramid.reporting.allure.GatlingReports#LINK_PREFIX}.
   */
  static final String GATLING_LINK_PREFIX = "gatling/";

  /**
   * Where the generated report holds the page of delivery metrics ({@code pyramid gate
   * --allure-report} writes it there), relative to the report's root.
   */
  public static final String METRICS_LINK = "metrics/" + MetricsPage.FILE;

  private AllureResults() {}

  /** Writes the results into {@code directory} (created if needed); returns the files written. */
  public static List<Path> write(Decision decision, Path directory, Instant decidedAt)
      throws IOException {
    return write(decision, directory, decidedAt, false);
  }

  /**
   * Writes the results as {@link #write(Decision, Path, Instant)} does; with {@code linkMetrics},
   * each gate condition links to the report's page of delivery metrics ({@link #METRICS_LINK}).
   */
  public static List<Path> write(
      Decision decision, Path directory, Instant decidedAt, boolean linkMetrics)
      throws IOException {
    Files.createDirectories(directory);
    long time = decidedAt.toEpochMilli();
    List<Path> written = new ArrayList<>();
    // One copy of decision.md, attached to every gate condition: the reviewer sees the whole
    // decision from any of them.
    String decisionSource =
        UUID.nameUUIDFromBytes(
                ("pyramid.gate." + decision.stage() + ".decision").getBytes(StandardCharsets.UTF_8))
            + "-attachment.md";
    Files.writeString(
        directory.resolve(decisionSource),
        DecisionMarkdown.render(decision),
        StandardCharsets.UTF_8);
    Map<String, String> decisionAttachment =
        attachment("decision.md", decisionSource, "text/plain");
    for (ConditionResult condition : decision.conditions()) {
      String fullName = "pyramid.gate." + decision.stage() + "." + condition.id();
      Map<String, Object> result =
          result(
              fullName,
              "gate: "
                  + condition.id()
                  + " "
                  + condition.expected()
                  + " (actual "
                  + condition.actual()
                  + ")",
              status(condition.verdict()),
              time);
      result.put(
          "statusDetails",
          Map.of(
              "trace",
              condition.items().isEmpty()
                  ? ""
                  : "What this condition counts:\n" + String.join("\n", condition.items()),
              "message",
              (condition.verdict().passes() ? "" : condition.category().tag() + " ")
                  + condition.id()
                  + ": expected "
                  + condition.expected()
                  + ", actual "
                  + condition.actual()
                  + " -> "
                  + condition.verdict().id()
                  + (condition.verdict() == Verdict.MISSING
                          || condition.verdict() == Verdict.UNREADABLE
                      ? " (gate evidence " + condition.verdict().id() + ")"
                      : "")
                  + (condition.note().isEmpty() ? "" : "; " + condition.note())));
      result.put(
          "description",
          "Promotion gate condition on the "
              + condition.layerId()
              + " layer for stage "
              + decision.stage()
              + ". Evidence: "
              + condition.evidence());
      result.put(
          "labels",
          List.of(
              label("layer", "gate"),
              label("parentSuite", "gate"),
              label("suite", "promotion to " + decision.stage()),
              label("subSuite", condition.layerId()),
              label("epic", "gate"),
              label("feature", "gate"),
              label("story", condition.layerId())));
      result.put("attachments", List.of(decisionAttachment));
      if (linkMetrics) {
        result.put(
            "links",
            List.of(
                Map.of(
                    "name",
                    "Delivery metrics (last 30 days)",
                    "url",
                    METRICS_LINK,
                    "type",
                    "link")));
      }
      result.put(
          "parameters",
          List.of(
              parameter("stage", decision.stage()),
              parameter("expected", condition.expected()),
              parameter("actual", condition.actual())));
      written.add(writeResult(directory, result));
    }
    written.addAll(EndpointMapResults.write(decision.endpoints(), directory, time));
    for (LayerResult layer : decision.layers()) {
      for (PerfAssertion assertion : layer.evidence().assertions()) {
        String fullName = "pyramid.perf." + assertion.simulation() + "." + assertion.description();
        String actual = assertion.actual().isEmpty() ? "not shown by Gatling" : assertion.actual();
        Map<String, Object> result =
            result(
                fullName,
                assertion.description() + " (actual " + actual + ")",
                assertion.passed() ? "passed" : "failed",
                time);
        result.put(
            "statusDetails",
            Map.of(
                "message",
                "Gatling assertion "
                    + (assertion.passed() ? "OK" : "KO")
                    + ": "
                    + assertion.description()
                    + "; actual "
                    + actual));
        result.put(
            "description",
            "Gatling assertion of "
                + assertion.simulation()
                + ", read from "
                + assertion.source()
                + ". Expected: "
                + assertion.expected()
                + ". Actual (statistics table): "
                + actual
                + ".");
        result.put(
            "labels",
            List.of(
                label("layer", "perf"),
                label("parentSuite", "perf"),
                label("suite", assertion.simulation()),
                label("epic", "perf"),
                label("feature", "perf"),
                label("story", assertion.simulation())));
        List<RequestStats> requests =
            layer.evidence().requests().stream()
                .filter(request -> request.simulation().equals(assertion.simulation()))
                .toList();
        if (!requests.isEmpty()) {
          String statsSource =
              UUID.nameUUIDFromBytes((fullName + ".statistics").getBytes(StandardCharsets.UTF_8))
                  + "-attachment.csv";
          Files.writeString(
              directory.resolve(statsSource), statisticsCsv(requests), StandardCharsets.UTF_8);
          result.put(
              "attachments",
              List.of(attachment("Gatling statistics per request", statsSource, "text/csv")));
        }
        Path run = runDirectory(assertion.source());
        if (run != null) {
          result.put(
              "links",
              List.of(
                  Map.of(
                      "name",
                      "Gatling report " + run.getFileName(),
                      "url",
                      GATLING_LINK_PREFIX + run.getFileName() + "/index.html",
                      "type",
                      "link")));
        }
        result.put(
            "parameters",
            List.of(parameter("expected", assertion.expected()), parameter("actual", actual)));
        written.add(writeResult(directory, result));
      }
    }
    return written;
  }

  /**
   * The Gatling statistics table of one simulation, one row per request (and "All Requests"), as
   * CSV.
   */
  static String statisticsCsv(List<RequestStats> requests) {
    List<String> timeColumns = new ArrayList<>();
    for (RequestStats request : requests) {
      request.responseTimesMs().keySet().stream()
          .filter(column -> !timeColumns.contains(column))
          .forEach(timeColumns::add);
    }
    StringBuilder csv = new StringBuilder("Request,Total,OK,KO,% KO,Cnt/s");
    timeColumns.forEach(column -> csv.append(',').append(csvCell(column + " (ms)")));
    csv.append('\n');
    for (RequestStats request : requests) {
      csv.append(csvCell(request.name()))
          .append(',')
          .append(request.total())
          .append(',')
          .append(request.ok())
          .append(',')
          .append(request.ko())
          .append(',')
          .append(number(request.koPercent()))
          .append(',')
          .append(number(request.perSecond()));
      for (String column : timeColumns) {
        csv.append(',').append(number(request.responseTimesMs().get(column)));
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static String number(Double value) {
    if (value == null) {
      return "-";
    }
    return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
  }

  private static String csvCell(String text) {
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }

  /** The Gatling run directory a report file or directory belongs to, or null. */
  private static Path runDirectory(Path source) {
    if (source == null) {
      return null;
    }
    Path run =
        source.getFileName() != null && source.getFileName().toString().endsWith(".html")
            ? source.getParent()
            : source;
    return run == null || run.getFileName() == null ? null : run;
  }

  static Map<String, String> attachment(String name, String source, String type) {
    Map<String, String> attachment = new LinkedHashMap<>();
    attachment.put("name", name);
    attachment.put("source", source);
    attachment.put("type", type);
    return attachment;
  }

  static Map<String, Object> result(String fullName, String name, String status, long time) {
    String historyId = UUID.nameUUIDFromBytes(fullName.getBytes(StandardCharsets.UTF_8)).toString();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("uuid", historyId);
    result.put("historyId", historyId);
    result.put("testCaseId", historyId);
    result.put("fullName", fullName);
    result.put("name", name);
    result.put("status", status);
    result.put("stage", "finished");
    result.put("start", time);
    result.put("stop", time);
    return result;
  }

  /** Allure's "broken" marks what could not be judged, "failed" a judged failure. */
  private static String status(Verdict verdict) {
    return switch (verdict) {
      case PASS, NO_BASELINE -> "passed";
      case FAIL -> "failed";
      case MISSING, UNREADABLE -> "broken";
    };
  }

  static Path writeResult(Path directory, Map<String, Object> result) throws IOException {
    Path file = directory.resolve(result.get("uuid") + "-result.json");
    JSON.writeValue(file.toFile(), result);
    return file;
  }

  static Map<String, String> label(String name, String value) {
    return nameValue(name, value);
  }

  static Map<String, String> parameter(String name, String value) {
    return nameValue(name, value);
  }

  private static Map<String, String> nameValue(String name, String value) {
    Map<String, String> pair = new LinkedHashMap<>();
    pair.put("name", name);
    pair.put("value", value);
    return pair;
  }
}
