package dev.pyramid.reporting.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The line of every key and list element of a YAML text, by dotted path, for errors that name the line. */
public final class YamlLines {

  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** Scans {@code text}; a YAML syntax error is a {@link PolicyException} naming {@code file} and the line. */
  public static YamlLines of(Path file, String text) throws PolicyException {
    return new YamlLines(keyLines(file, text));
  }

  /** The line of {@code key} (e.g. "stages.dev.require[0]"), else of its nearest enclosing key, else 1. */
  public int lineOf(String key) {
    String probe = key;
    while (!probe.isEmpty()) {
      Integer line = lines.get(probe);
      if (line != null) {
        return line;
      }
      int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
      probe = cut < 0 ? "" : probe.substring(0, cut);
    }
    return 1;
  }

  /** The line of every key and list element, by dotted path (e.g. "stages.dev.require[0]"). */
  static Map<String, Integer> keyLines(Path file, String text) throws PolicyException {
    Map<String, Integer> lines = new HashMap<>();
    Deque<String> path = new ArrayDeque<>();
    Deque<Integer> arrayIndex = new ArrayDeque<>();
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      JsonToken token;
      String pendingField = null;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
          case FIELD_NAME -> {
            pendingField = parser.currentName();
            lines.putIfAbsent(join(String.join(".", reversedPath(path)), pendingField), line);
          }
          case START_OBJECT, START_ARRAY -> {
            String segment = segment(pendingField, arrayIndex, lines, path, line);
            path.push(segment);
            arrayIndex.push(token == JsonToken.START_ARRAY ? 0 : -1);
            pendingField = null;
          }
          case END_OBJECT, END_ARRAY -> {
            path.pop();
            arrayIndex.pop();
          }
          default -> {
            segment(pendingField, arrayIndex, lines, path, line);
            pendingField = null;
          }
        }
      }
    } catch (IOException e) {
      JsonLocation location = e instanceof JsonProcessingException p ? p.getLocation() : null;
      throw new PolicyException(file, lineOf(location), "", "not valid YAML: " + e.getMessage(), e);
    }
    return lines;
  }

  /** The path segment of the value that starts now, recording list elements' lines. */
  private static String segment(String field, Deque<Integer> arrayIndex, Map<String, Integer> lines,
      Deque<String> path, int line) {
    if (arrayIndex.isEmpty()) {
      return "";
    }
    int index = arrayIndex.peek();
    if (index < 0) {
      return field == null ? "" : field;
    }
    arrayIndex.pop();
    arrayIndex.push(index + 1);
    String parent = String.join(".", reversedPath(path));
    lines.putIfAbsent(parent + "[" + index + "]", line);
    return "[" + index + "]";
  }

  private static List<String> reversedPath(Deque<String> path) {
    List<String> segments = new ArrayList<>();
    path.descendingIterator().forEachRemaining(segment -> {
      if (!segment.isEmpty()) {
        if (segment.startsWith("[") && !segments.isEmpty()) {
          segments.set(segments.size() - 1, segments.get(segments.size() - 1) + segment);
        } else {
          segments.add(segment);
        }
      }
    });
    return segments;
  }

  private static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }
}
