package dev.pyramid.reporting.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.decision.Verdict;
import dev.pyramid.reporting.results.PerfAssertion;
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
 * (label {@code layer=gate}) and one per Gatling assertion (label {@code layer=perf}), so that the
 * gate and the performance budgets show in the same report as the tests.
 *
 * <p>File names derive from the stage and the condition or assertion, so a second run overwrites
 * the first instead of adding stale results beside it.
 */
public final class AllureResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AllureResults() {}

  /** Writes the results into {@code directory} (created if needed); returns the files written. */
  public static List<Path> write(Decision decision, Path directory, Instant decidedAt) throws IOException {
    Files.createDirectories(directory);
    long time = decidedAt.toEpochMilli();
    List<Path> written = new ArrayList<>();
    for (ConditionResult condition : decision.conditions()) {
      String fullName = "pyramid.gate." + decision.stage() + "." + condition.id();
      Map<String, Object> result = result(fullName, "gate: " + condition.id() + " " + condition.expected()
          + " (actual " + condition.actual() + ")", status(condition.verdict()), time);
      result.put("statusDetails", Map.of("message", condition.id() + ": expected " + condition.expected()
          + ", actual " + condition.actual() + " -> " + condition.verdict().id()
          + (condition.verdict() == Verdict.MISSING || condition.verdict() == Verdict.UNREADABLE
              ? " (gate evidence " + condition.verdict().id() + ")" : "")
          + (condition.note().isEmpty() ? "" : "; " + condition.note())));
      result.put("description", "Promotion gate condition on the " + condition.layerId()
          + " layer for stage " + decision.stage() + ". Evidence: " + condition.evidence());
      result.put("labels", List.of(
          label("layer", "gate"),
          label("parentSuite", "Promotion gate"),
          label("suite", decision.stage()),
          label("subSuite", condition.layerId()),
          label("feature", "quality gate")));
      result.put("parameters", List.of(
          parameter("stage", decision.stage()),
          parameter("expected", condition.expected()),
          parameter("actual", condition.actual())));
      written.add(writeResult(directory, result));
    }
    for (LayerResult layer : decision.layers()) {
      for (PerfAssertion assertion : layer.evidence().assertions()) {
        String fullName = "pyramid.perf." + assertion.simulation() + "." + assertion.description();
        String actual = assertion.actual().isEmpty() ? "not shown by Gatling" : assertion.actual();
        Map<String, Object> result = result(fullName,
            assertion.description() + " (actual " + actual + ")",
            assertion.passed() ? "passed" : "failed", time);
        result.put("statusDetails", Map.of("message", "Gatling assertion " + (assertion.passed() ? "OK" : "KO")
            + ": " + assertion.description() + "; actual " + actual));
        result.put("description", "Gatling assertion of " + assertion.simulation() + ", read from "
            + assertion.source() + ". Expected: " + assertion.expected() + ". Actual (statistics table): "
            + actual + ".");
        result.put("labels", List.of(
            label("layer", "perf"),
            label("parentSuite", "Performance"),
            label("suite", assertion.simulation()),
            label("feature", "performance budgets")));
        result.put("parameters", List.of(
            parameter("expected", assertion.expected()),
            parameter("actual", actual)));
        written.add(writeResult(directory, result));
      }
    }
    return written;
  }

  private static Map<String, Object> result(String fullName, String name, String status, long time) {
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

  private static Path writeResult(Path directory, Map<String, Object> result) throws IOException {
    Path file = directory.resolve(result.get("uuid") + "-result.json");
    JSON.writeValue(file.toFile(), result);
    return file;
  }

  private static Map<String, String> label(String name, String value) {
    return nameValue(name, value);
  }

  private static Map<String, String> parameter(String name, String value) {
    return nameValue(name, value);
  }

  private static Map<String, String> nameValue(String name, String value) {
    Map<String, String> pair = new LinkedHashMap<>();
    pair.put("name", name);
    pair.put("value", value);
    return pair;
  }
}
