package dev.pyramid.reporting.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
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

  /** One factory for every file and thread: Jackson's factories are thread-safe once configured. */
  private static final JsonFactory JSON = new JsonFactory();

  /** One result file: the test case it records, its layer label (empty when none) and retry key. */
  public record Result(TestCase testCase, String layerLabel, String historyId, long stop) {}

  /** Reads {@code file}, or throws naming it and the reason. */
  public Result read(Path file) throws UnreadableEvidenceException {
    try {
      return read(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the result {@code file} whose content is {@code bytes}. Streams the JSON: only the fields the
   * gate needs are kept, steps, attachments, parameters and traces are skipped without building a tree,
   * but the whole document must be well-formed JSON.
   */
  public Result read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    Fields fields = new Fields();
    try (JsonParser json = JSON.createParser(bytes)) {
      JsonToken first = json.nextToken();
      if (first != JsonToken.START_OBJECT) {
        if (first != null) {
          json.skipChildren();
        }
        throw new UnreadableEvidenceException(file, "empty, or not a JSON object");
      }
      readObject(json, fields);
      if (json.nextToken() != null) {
        throw new UnreadableEvidenceException(file, "not valid JSON (truncated?): more than one value");
      }
    } catch (JacksonException e) {
      throw new UnreadableEvidenceException(file, "not valid JSON (truncated?): " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
    String name = fields.name == null ? "" : fields.name;
    String statusText = fields.status == null ? "" : fields.status;
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
    String fullName = fields.fullName == null ? name : fields.fullName;
    String className = fullName.endsWith("." + name) ? fullName.substring(0, fullName.length() - name.length() - 1)
        : fullName.equals(name) ? "" : fullName;
    long start = fields.start == null ? 0 : fields.start;
    long stop = fields.stop == null ? start : fields.stop;
    String historyId = fields.historyId == null ? fullName : fields.historyId;
    String message = fields.message == null ? "" : fields.message;
    TestCase testCase = new TestCase(className, name, Math.max(0, stop - start) / 1000.0, status, message, file);
    return new Result(testCase, fields.layer, historyId, stop);
  }

  /** The fields of one result the gate reads; null when absent or not a scalar. */
  private static final class Fields {
    String name;
    String status;
    String fullName;
    String historyId;
    String message;
    Long start;
    Long stop;
    String layer = "";
  }

  private static void readObject(JsonParser json, Fields fields) throws IOException {
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "name" -> fields.name = text(json, value);
        case "status" -> fields.status = text(json, value);
        case "fullName" -> fields.fullName = text(json, value);
        case "historyId" -> fields.historyId = text(json, value);
        case "start" -> fields.start = number(json, value);
        case "stop" -> fields.stop = number(json, value);
        case "labels" -> readLabels(json, value, fields);
        case "statusDetails" -> fields.message = message(json, value);
        default -> json.skipChildren();
      }
    }
  }

  /** {@code labels: [{name, value}...]}: the last {@code layer} label wins. */
  private static void readLabels(JsonParser json, JsonToken value, Fields fields) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      json.skipChildren();
      return;
    }
    while (json.nextToken() == JsonToken.START_OBJECT) {
      String labelName = null;
      String labelValue = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken token = json.nextToken();
        if (field.equals("name")) {
          labelName = text(json, token);
        } else if (field.equals("value")) {
          labelValue = text(json, token);
        } else {
          json.skipChildren();
        }
      }
      if ("layer".equals(labelName)) {
        fields.layer = labelValue == null ? "" : labelValue;
      }
    }
    if (json.currentToken() != JsonToken.END_ARRAY) {
      json.skipChildren(); // a label that is not an object: skip the rest of the array
    }
  }

  private static String message(JsonParser json, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      json.skipChildren();
      return null;
    }
    String message = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken token = json.nextToken();
      if (field.equals("message")) {
        message = text(json, token);
      } else {
        json.skipChildren();
      }
    }
    return message;
  }

  /** A scalar as text (as {@code JsonNode.asText} gives it); null for null, objects and arrays (skipped). */
  private static String text(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      json.skipChildren();
      return null;
    }
    return value == JsonToken.VALUE_NULL ? null : json.getText();
  }

  /** A number, or a text holding one; null otherwise. */
  private static Long number(JsonParser json, JsonToken value) throws IOException {
    switch (value) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return json.getValueAsLong();
      }
      case VALUE_STRING -> {
        try {
          return Long.parseLong(json.getText().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      case START_OBJECT, START_ARRAY -> {
        json.skipChildren();
        return null;
      }
      default -> {
        return null;
      }
    }
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
