package dev.pyramid.reporting.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Allure results ({@code *-result.json}, one per test execution, as every Allure adapter
 * writes them): {@code status} passed, failed, broken or skipped; {@code labels[]} name {@code
 * layer}; {@code historyId} ties the retries of one test together.
 *
 * <p>Allure's "broken" (an unexpected exception) counts as errored. Several results with one {@code
 * historyId} are retries: the last one (by {@code stop}) decides the test's status, and a test that
 * failed before it passed is flaky. Thread-safe.
 */
public final class AllureResultReader {

  /**
   * One result file: the test case it records, its layer label (empty when none), retry key, and
   * {@code uuid} (the execution's own id; null when absent).
   */
  public record Result(
      TestCase testCase, String layerLabel, String historyId, long stop, String uuid) {}

  /** Reads {@code file}, or throws naming it and the reason. */
  public Result read(Path file) throws UnreadableEvidenceException {
    try {
      return read(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the result {@code file} whose content is {@code bytes}. Only the fields the gate needs
   * are kept; steps, attachments, parameters and traces are skipped without being kept, but the
   * whole document must be well-formed UTF-8 JSON ({@link JsonCursor}).
   */
  public Result read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    return read(file, bytes, bytes.length);
  }

  /**
   * {@link #read(Path, byte[])} of the first {@code length} bytes of {@code bytes} (a reused
   * buffer).
   */
  public Result read(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    Fields fields = new Fields();
    JsonCursor json = new JsonCursor(bytes, length);
    try {
      if (json.atEnd() || json.next() != JsonCursor.Kind.OBJECT) {
        throw new UnreadableEvidenceException(file, "empty, or not a JSON object");
      }
      readObject(json, fields);
      if (!json.atEnd()) {
        throw new UnreadableEvidenceException(file, "not valid JSON: more than one value");
      }
    } catch (JsonCursor.Malformed e) {
      throw new UnreadableEvidenceException(file, "not valid JSON: " + json.describe(e));
    }
    return result(file, fields);
  }

  /**
   * The result the gate takes from the {@code fields} read from {@code file}, or a refusal naming
   * it.
   */
  static Result result(Path file, Fields fields) throws UnreadableEvidenceException {
    String name = fields.name == null ? "" : fields.name;
    String statusText = fields.status == null ? "" : fields.status;
    if (name.isEmpty() || statusText.isEmpty()) {
      throw new UnreadableEvidenceException(file, "not an Allure result: no name or status");
    }
    TestCase.Status status =
        switch (statusText) {
          case "passed" -> TestCase.Status.PASSED;
          case "failed" -> TestCase.Status.FAILED;
          case "broken" -> TestCase.Status.ERRORED;
          case "skipped" -> TestCase.Status.SKIPPED;
          default ->
              throw new UnreadableEvidenceException(
                  file, "status \"" + statusText + "\" is none of passed, failed, broken, skipped");
        };
    String fullName = fields.fullName == null ? name : fields.fullName;
    int dot = fullName.length() - name.length() - 1;
    String className =
        dot >= 0 && fullName.endsWith(name) && fullName.charAt(dot) == '.'
            ? fullName.substring(0, dot)
            : fullName.equals(name) ? "" : fullName;
    long start = fields.start == null ? 0 : fields.start;
    long stop = fields.stop == null ? start : fields.stop;
    String historyId = fields.historyId == null ? fullName : fields.historyId;
    String message = fields.message == null ? "" : fields.message;
    TestCase testCase =
        new TestCase(className, name, Math.max(0, stop - start) / 1000.0, status, message, file);
    return new Result(testCase, fields.layer, historyId, stop, fields.uuid);
  }

  /** The fields of one result the gate reads; null when absent or not a scalar. */
  static final class Fields {
    String name;
    String status;
    String fullName;
    String historyId;
    String message;
    Long start;
    Long stop;
    String layer = "";
    String uuid;
  }

  private static final byte[][] RESULT_FIELDS =
      names(
          "name",
          "status",
          "fullName",
          "historyId",
          "start",
          "stop",
          "labels",
          "statusDetails",
          "uuid");
  private static final byte[][] LABEL_FIELDS = names("name", "value");
  private static final byte[][] DETAIL_FIELDS = names("message");
  private static final byte[][] LAYER = names("layer");

  private static byte[][] names(String... names) {
    byte[][] bytes = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      bytes[i] = names[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return bytes;
  }

  /**
   * The top-level object; a repeated member counts as its last occurrence (as Jackson reads it).
   */
  private static void readObject(JsonCursor json, Fields fields) throws JsonCursor.Malformed {
    json.open();
    if (!json.firstMember()) {
      return;
    }
    do {
      switch (json.memberName(RESULT_FIELDS)) {
        case 0 -> fields.name = json.text();
        case 1 -> fields.status = json.text();
        case 2 -> fields.fullName = json.text();
        case 3 -> fields.historyId = json.text();
        case 4 -> fields.start = json.longValue();
        case 5 -> fields.stop = json.longValue();
        case 6 -> readLabels(json, fields);
        case 7 -> fields.message = message(json);
        case 8 -> fields.uuid = json.text();
        default -> json.skipValue();
      }
    } while (json.more('}'));
  }

  /**
   * {@code labels: [{name, value}...]}: the last {@code layer} label wins; anything else is
   * skipped.
   */
  private static void readLabels(JsonCursor json, Fields fields) throws JsonCursor.Malformed {
    if (json.next() != JsonCursor.Kind.ARRAY) {
      json.skipValue();
      return;
    }
    json.open();
    if (!json.firstElement()) {
      return;
    }
    do {
      if (json.next() != JsonCursor.Kind.OBJECT) {
        json.skipValue();
        continue;
      }
      json.open();
      // Ten labels or so per result, one of interest: names are compared as bytes, and only the
      // value of a
      // "layer" label becomes a String (read again from where it lies: "value" may come before
      // "name").
      boolean layer = false;
      int value = -1;
      if (json.firstMember()) {
        do {
          switch (json.memberName(LABEL_FIELDS)) {
            case 0 -> layer = json.stringIn(LAYER) == 0;
            case 1 -> {
              value = json.position();
              json.skipValue();
            }
            default -> json.skipValue();
          }
        } while (json.more('}'));
      }
      if (layer) {
        String text = value < 0 ? null : json.textAt(value);
        fields.layer = text == null ? "" : text;
      }
    } while (json.more(']'));
  }

  /** {@code statusDetails.message}; null when absent or not a scalar. */
  private static String message(JsonCursor json) throws JsonCursor.Malformed {
    if (json.next() != JsonCursor.Kind.OBJECT) {
      json.skipValue();
      return null;
    }
    json.open();
    String message = null;
    if (json.firstMember()) {
      do {
        if (json.memberName(DETAIL_FIELDS) == 0) {
          message = json.text();
        } else {
          json.skipValue();
        }
      } while (json.more('}'));
    }
    return message;
  }

  /**
   * One test case per {@code historyId}: the last retry's status, flaky when an earlier one failed.
   */
  public static List<TestCase> merge(Collection<Result> results) {
    // The retry with the latest stop decides (of equal stops, the later one read); one pass, no
    // list per test.
    Map<String, Result> last = new LinkedHashMap<>(results.size() * 4 / 3 + 1);
    Set<String> failedBefore = new HashSet<>();
    for (Result result : results) {
      Result previous = last.putIfAbsent(result.historyId(), result);
      if (previous == null) {
        continue;
      }
      Result earlier = previous;
      if (result.stop() >= previous.stop()) {
        last.put(result.historyId(), result);
      } else {
        earlier = result;
      }
      if (earlier.testCase().isFailure()) {
        failedBefore.add(result.historyId());
      }
    }
    List<TestCase> cases = new ArrayList<>(last.size());
    for (Result decided : last.values()) {
      TestCase testCase = decided.testCase();
      boolean flaky =
          testCase.status() == TestCase.Status.PASSED && failedBefore.contains(decided.historyId());
      cases.add(
          flaky
              ? new TestCase(
                  testCase.className(),
                  testCase.name(),
                  testCase.timeSeconds(),
                  testCase.status(),
                  testCase.message(),
                  testCase.source(),
                  true)
              : testCase);
    }
    return cases;
  }
}
