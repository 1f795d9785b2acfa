package dev.pyramid.reporting.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML text (policy, quarantine) read once: its tree, and the line of every key and list element
 * by dotted path, for errors that name the line.
 */
public final class YamlLines {

  private final Map<String, Integer> lines;

  private YamlLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /**
   * The line of {@code key} (e.g. "stages.dev.require[0]"), else of its nearest enclosing key, else
   * 1.
   */
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

  /** A YAML text read once: its tree (null when it is empty) and the line of every key. */
  public record Parsed(JsonNode root, YamlLines lines) {}

  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * Reads {@code text} in one pass: the tree as Jackson's {@code readTree} builds it, and the
   * lines. Building the tree from the parser's tokens here, rather than by an {@code ObjectMapper},
   * spares a gate run the mapper's start-up, which was most of the time before the walk could
   * start. A key given twice in one mapping is an error, as is a YAML syntax error: a {@link
   * PolicyException} naming {@code file} and the line.
   */
  public static Parsed parse(Path file, String text) throws PolicyException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? null : node(file, parser, first, "", lines);
      return new Parsed(root, new YamlLines(lines));
    } catch (IOException e) {
      JsonLocation location = e instanceof JsonProcessingException p ? p.getLocation() : null;
      throw new PolicyException(file, lineOf(location), "", "not valid YAML: " + e.getMessage(), e);
    }
  }

  /** The value whose first token is {@code token}, at {@code path}; records the lines below it. */
  private static JsonNode node(
      Path file, JsonParser parser, JsonToken token, String path, Map<String, Integer> lines)
      throws IOException, PolicyException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        for (JsonToken next = parser.nextToken();
            next == JsonToken.FIELD_NAME;
            next = parser.nextToken()) {
          String name = parser.currentName();
          String key = join(path, name);
          int line = parser.currentTokenLocation().getLineNr();
          lines.putIfAbsent(key, line);
          if (object.has(name)) {
            throw new PolicyException(
                file,
                line,
                key,
                "not valid YAML: the key \""
                    + name
                    + "\" appears twice in "
                    + (path.isEmpty() ? "the document" : path)
                    + "; keep one");
          }
          object.set(name, node(file, parser, parser.nextToken(), key, lines));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          String key = path + "[" + index++ + "]";
          lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
          array.add(node(file, parser, next, key, lines));
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      case VALUE_EMBEDDED_OBJECT -> {
        return nodes.pojoNode(parser.getEmbeddedObject());
      }
      default ->
          throw new PolicyException(
              file,
              parser.currentTokenLocation().getLineNr(),
              path,
              "not valid YAML: unexpected " + token);
    }
  }

  private static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }
}
