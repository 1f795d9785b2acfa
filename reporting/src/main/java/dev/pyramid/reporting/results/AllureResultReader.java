package dev.pyramid.reporting.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Allure results ({@code *-result.json}, one per test execution, as every Allure adapter writes
 * them): {@code status} passed, failed, broken or skipped; {@code labels[]} name {@code layer};
 * {@code historyId} ties the retries of one test together.
 *
 * <p>Allure's "broken" (an unexpected exception) counts as errored. Several results with one
 * {@code historyId} are retries: the last one (by {@code stop}) decides the test's status, and a
 * test that failed before it passed is flaky. Thread-safe.
 */
public final class AllureResultReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One result file: the test case it records, its layer label (empty when none) and retry key. */
  public record Result(TestCase testCase, String layerLabel, String historyId, long stop) {}

  /** Reads {@code file}, or throws naming it and the reason. */
  public Result read(Path file) throws UnreadableEvidenceException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new UnreadableEvidenceException(file, "not valid JSON (truncated?): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new UnreadableEvidenceException(file, "empty, or not a JSON object");
    }
    String name = root.path("name").asText("");
    String statusText = root.path("status").asText("");
    if (name.isEmpty() || statusText.isEmpty()) {
      throw new UnreadableEvidenceException(file, "not an Allure result: no name or status");
    }
    TestCase.Status status = switch (statusText) {
      case "passed" -> TestCase.Status.PASSED;
      case "failed" -> TestCase.Status.FAILED;
      case "broken" -> TestCase.Status.ERRORED;
      case "skipped" -> TestCase.Status.SKIPPED;
      default -> throw new UnreadableEvidenceException(file, "status \"" + statusText
          + "\" is none of passed, failed, broken, skipped");
    };
    String fullName = root.path("fullName").asText(name);
    String className = fullName.endsWith("." + name) ? fullName.substring(0, fullName.length() - name.length() - 1)
        : fullName.equals(name) ? "" : fullName;
    String layer = "";
    for (JsonNode label : root.path("labels")) {
      if ("layer".equals(label.path("name").asText())) {
        layer = label.path("value").asText("");
      }
    }
    long start = root.path("start").asLong(0);
    long stop = root.path("stop").asLong(start);
    String historyId = root.path("historyId").asText(fullName);
    String message = root.path("statusDetails").path("message").asText("");
    TestCase testCase = new TestCase(className, name, Math.max(0, stop - start) / 1000.0, status, message, file);
    return new Result(testCase, layer, historyId, stop);
  }

  /** One test case per {@code historyId}: the last retry's status, flaky when an earlier one failed. */
  public static List<TestCase> merge(Collection<Result> results) {
    Map<String, List<Result>> byTest = new LinkedHashMap<>();
    for (Result result : results) {
      byTest.computeIfAbsent(result.historyId(), id -> new ArrayList<>()).add(result);
    }
    List<TestCase> cases = new ArrayList<>(byTest.size());
    for (List<Result> attempts : byTest.values()) {
      Result last = attempts.get(0);
      boolean failedBefore = false;
      for (Result attempt : attempts) {
        if (attempt.stop() >= last.stop()) {
          last = attempt;
        }
      }
      for (Result attempt : attempts) {
        if (attempt != last && attempt.testCase().isFailure()) {
          failedBefore = true;
        }
      }
      TestCase decided = last.testCase();
      boolean flaky = failedBefore && decided.status() == TestCase.Status.PASSED;
      cases.add(new TestCase(decided.className(), decided.name(), decided.timeSeconds(), decided.status(),
          decided.message(), decided.source(), flaky));
    }
    return cases;
  }
}
