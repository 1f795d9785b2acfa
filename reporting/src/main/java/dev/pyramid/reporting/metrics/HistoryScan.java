package dev.pyramid.reporting.metrics;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a history for metrics, keeping what it can: unlike the gate, which refuses a damaged
 * history outright (its baselines must be right), metrics are computed over the readable part and
 * say which lines they left out and why.
 *
 * <p>Left out: a line that is not JSON (a torn last line, when a writer was killed mid-line or the
 * disk was full), a line of a newer schema than this Pyramid reads, an entry of an unknown type or
 * without a time, and a line whose time is out of order with its neighbours (an edited timestamp:
 * lines are appended in time order).
 */
public final class HistoryScan {
  private HistoryScan() {}

  /**
   * How far a line's time may precede the line before it before it is out of order: concurrent
   * gates take their time first and append a moment later, so a few seconds out of order are
   * ordinary.
   */
  static final Duration ORDER_TOLERANCE = Duration.ofMinutes(10);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TYPES = Set.of("decision", "promotion", "rollback", "delivery");

  /** Scans {@code file}; a file that does not exist is an empty history. */
  public static ScannedHistory scan(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new ScannedHistory(file, List.of(), List.of());
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
    String[] lines = text.split("\n", -1);
    int last = lines.length - 1;
    while (last >= 0 && lines[last].isBlank()) {
      last--;
    }
    List<HistoryEntry> entries = new ArrayList<>();
    List<ScannedHistory.LeftOut> leftOut = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int number = i + 1;
      String where = file + ":" + number + ": ";
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JacksonException e) {
        boolean torn = i == last && !endsWithNewline;
        leftOut.add(
            new ScannedHistory.LeftOut(
                number,
                where
                    + (torn
                        ? "the last line is torn (a writer stopped in the middle of it): left out;"
                            + " delete it, it recorded nothing whole"
                        : "not JSON ("
                            + e.getOriginalMessage()
                            + "): left out; restore the line"
                            + " from a backup or delete it")));
        continue;
      }
      String refused = refusal(node);
      if (refused != null) {
        leftOut.add(new ScannedHistory.LeftOut(number, where + refused));
        continue;
      }
      entries.add(entry(node, number));
    }
    return new ScannedHistory(file, outOfOrderLeftOut(file, entries, leftOut), sorted(leftOut));
  }

  /** Why {@code node} cannot be used, or null. */
  private static String refusal(JsonNode node) {
    if (node == null || !node.isObject()) {
      return "not a history entry (a JSON object with \"type\" and \"time\"): left out";
    }
    int schema = node.path("schema").asInt(1);
    if (schema > History.SCHEMA) {
      return "written by a newer Pyramid (history schema "
          + schema
          + ", this one reads up to "
          + History.SCHEMA
          + "): left out; read this history with that version or a later one";
    }
    String type = node.path("type").asText();
    if (!TYPES.contains(type)) {
      return "\"type\": \""
          + type
          + "\" is none of "
          + TYPES.stream().sorted().toList()
          + ": left out";
    }
    for (String key : List.of("time", "committedAt")) {
      if (key.equals("time") || node.has(key)) {
        try {
          Instant.parse(node.path(key).asText());
        } catch (DateTimeParseException e) {
          return "\""
              + key
              + "\": \""
              + node.path(key).asText()
              + "\" is not an instant like 2026-12-01T09:30:00Z: left out";
        }
      }
    }
    return null;
  }

  /**
   * Moves the entries whose time is out of order with their neighbours to {@code leftOut}: a time
   * before its predecessor's (less {@link #ORDER_TOLERANCE}) or after its successor's, while those
   * two agree with each other. Returns the entries kept.
   */
  private static List<HistoryEntry> outOfOrderLeftOut(
      Path file, List<HistoryEntry> entries, List<ScannedHistory.LeftOut> leftOut) {
    List<HistoryEntry> kept = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      HistoryEntry entry = entries.get(i);
      HistoryEntry before = i > 0 ? entries.get(i - 1) : null;
      HistoryEntry after = i + 1 < entries.size() ? entries.get(i + 1) : null;
      boolean neighboursAgree =
          before == null || after == null || !after.time().isBefore(before.time());
      boolean early = before != null && entry.time().isBefore(before.time().minus(ORDER_TOLERANCE));
      boolean late = after != null && entry.time().minus(ORDER_TOLERANCE).isAfter(after.time());
      if (neighboursAgree && (early || late)) {
        HistoryEntry neighbour = early ? before : after;
        leftOut.add(
            new ScannedHistory.LeftOut(
                entry.line(),
                file
                    + ":"
                    + entry.line()
                    + ": \"time\": \""
                    + entry.time()
                    + "\" is "
                    + (early ? "before" : "after")
                    + " line "
                    + neighbour.line()
                    + "'s ("
                    + neighbour.time()
                    + "), and lines are appended in time order: edited by hand? Left out; put"
                    + " back the time it was written"));
      } else {
        kept.add(entry);
      }
    }
    return kept;
  }

  private static List<ScannedHistory.LeftOut> sorted(List<ScannedHistory.LeftOut> leftOut) {
    List<ScannedHistory.LeftOut> sorted = new ArrayList<>(leftOut);
    sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return sorted;
  }

  private static Map<String, List<String>> idsByLayer(JsonNode byLayer) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    byLayer
        .properties()
        .forEach(
            layer -> {
              List<String> list = new ArrayList<>();
              layer.getValue().forEach(id -> list.add(id.asText()));
              ids.put(layer.getKey(), list);
            });
    return ids;
  }

  private static HistoryEntry entry(JsonNode node, int number) {
    List<String> failedConditions = new ArrayList<>();
    node.path(History.FAILED_CONDITIONS).forEach(id -> failedConditions.add(id.asText()));
    Map<String, List<String>> failedTests = idsByLayer(node.path(History.FAILED_TESTS));
    Map<String, List<String>> rerunFlaky = idsByLayer(node.path(History.RERUN_FLAKY_TESTS));
    Instant committedAt =
        node.has("committedAt") ? Instant.parse(node.path("committedAt").asText()) : null;
    return new HistoryEntry(
        number,
        node.path("schema").asInt(1),
        node.path("type").asText(),
        Instant.parse(node.path("time").asText()),
        node.path("stage").asText(),
        node.path("lane").asText("default"),
        new BuildIdentity(node.path("commit").asText(), node.path("buildId").asText()),
        node.path("verdict").asText(),
        node.path("levelRun").asBoolean(),
        committedAt,
        failedConditions,
        failedTests,
        rerunFlaky,
        node.hasNonNull(History.EXECUTED_TESTS) ? node.get(History.EXECUTED_TESTS).asText() : null);
  }
}
