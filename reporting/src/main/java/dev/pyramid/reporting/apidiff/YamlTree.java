package dev.pyramid.reporting.apidiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A YAML text as a JSON tree, within bounds: a "billion laughs" document (anchors whose aliases
 * multiply) is refused in milliseconds rather than expanded, which swagger-parser itself takes
 * about a minute to give up on (measured: its 10,000,000 references limit).
 *
 * <p>SnakeYAML composes the node graph (an alias is one shared node, so composing is cheap) under
 * its own limits; the conversion below then counts every node it writes, aliases expanded, and
 * stops at {@link #MAX_NODES}. Scalars are typed as YAML 1.1 core types except timestamps, which
 * stay strings (an {@code x-sunset: 2025-06-30} is read as written).
 */
final class YamlTree {

  /** More nodes than any real API document has; the tree of a bomb passes it at once. */
  static final int MAX_NODES = 2_000_000;

  private static final int MAX_DEPTH = 500;

  private final JsonNodeFactory factory = JsonNodeFactory.instance;
  private int nodes;

  private YamlTree() {}

  /**
   * The JSON tree of {@code text}, one YAML document.
   *
   * @throws IllegalArgumentException naming the reason and, where known, the line
   * @throws org.yaml.snakeyaml.error.YAMLException as SnakeYAML reports a syntax error or a limit
   */
  static JsonNode parse(String text, int maxCodePoints) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(maxCodePoints);
    options.setNestingDepthLimit(MAX_DEPTH);
    // Generous: the node count below is what stops a bomb, whatever its number of aliases.
    options.setMaxAliasesForCollections(1000);
    options.setAllowRecursiveKeys(false);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    Node root = yaml.compose(new StringReader(text));
    if (root == null) {
      throw new IllegalArgumentException("empty: no YAML document");
    }
    return new YamlTree().convert(root, 0);
  }

  private JsonNode convert(Node node, int depth) {
    if (++nodes > MAX_NODES) {
      throw new IllegalArgumentException(
          "its aliases expand to more than "
              + MAX_NODES
              + " nodes (a YAML alias bomb?); refused unread");
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "nested deeper than " + MAX_DEPTH + " levels (a recursive alias?) at " + line(node));
    }
    if (node instanceof MappingNode mapping) {
      return mapping(mapping, depth);
    }
    if (node instanceof SequenceNode sequence) {
      ArrayNode array = factory.arrayNode();
      for (Node item : sequence.getValue()) {
        array.add(convert(item, depth + 1));
      }
      return array;
    }
    return scalar((ScalarNode) node);
  }

  /** A mapping; merge keys ({@code <<: *base}) first, so that the mapping's own keys win. */
  private ObjectNode mapping(MappingNode mapping, int depth) {
    ObjectNode object = factory.objectNode();
    List<NodeTuple> own = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
        Node merged = tuple.getValueNode();
        List<Node> sources =
            merged instanceof SequenceNode list ? list.getValue() : List.of(merged);
        for (Node source : sources) {
          if (convert(source, depth + 1) instanceof ObjectNode base) {
            object.setAll(base);
          }
        }
      } else {
        own.add(tuple);
      }
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : own) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new IllegalArgumentException(
            "a key that is not a scalar at " + line(tuple.getKeyNode()));
      }
      if (!seen.add(key.getValue())) {
        throw new IllegalArgumentException(
            "duplicate key '" + key.getValue() + "' at " + line(key));
      }
      object.set(key.getValue(), convert(tuple.getValueNode(), depth + 1));
    }
    return object;
  }

  private JsonNode scalar(ScalarNode scalar) {
    String value = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (Tag.NULL.equals(tag)) {
        return factory.nullNode();
      }
      if (Tag.BOOL.equals(tag)) {
        return factory.booleanNode(
            List.of("true", "yes", "on", "y").contains(value.toLowerCase(Locale.ROOT)));
      }
      if (Tag.INT.equals(tag)) {
        return factory.numberNode(new BigInteger(value.replace("_", "")));
      }
      if (Tag.FLOAT.equals(tag)) {
        return factory.numberNode(new BigDecimal(value.replace("_", "")));
      }
    } catch (NumberFormatException e) {
      // 0x1F, .inf and the like: no API document means them as numbers; keep the text.
    }
    return factory.textNode(value);
  }

  private static String line(Node node) {
    return "line " + (node.getStartMark().getLine() + 1);
  }
}
