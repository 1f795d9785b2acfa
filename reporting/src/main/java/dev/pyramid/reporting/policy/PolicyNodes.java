package dev.pyramid.reporting.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.conditions.ConditionValue;
import dev.pyramid.reporting.results.Layer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The readings of a policy file's YAML nodes that every part of it needs (a map with known keys, a
 * required key, a list of texts, a percentage, a layer), each refusing a wrong node with a {@link
 * PolicyException} that names the file, the line and the key.
 *
 * @param file the policy file, for messages
 * @param lines where each key is written
 */
record PolicyNodes(Path file, YamlLines lines) {

  void object(JsonNode node, String key, Set<String> known) throws PolicyException {
    if (node == null || !node.isObject()) {
      throw error(key, "must be a map, is " + type(node));
    }
    if (known == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw error(
            key.isEmpty() ? field : key + "." + field,
            "unknown key \"" + field + "\"; known here: " + new java.util.TreeSet<>(known));
      }
    }
  }

  JsonNode required(JsonNode parent, String key, String hint) throws PolicyException {
    String field = key.substring(key.lastIndexOf('.') + 1);
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw error(key, "missing; " + hint);
    }
    return node;
  }

  List<String> strings(JsonNode node, String key) throws PolicyException {
    if (!node.isArray()) {
      throw error(key, "must be a list, is " + type(node));
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      values.add(text(node.get(i), key + "[" + i + "]"));
    }
    return values;
  }

  String text(JsonNode node, String key) throws PolicyException {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw error(key, "must be a non-empty text, is " + type(node));
    }
    return node.asText();
  }

  double percent(JsonNode node, String key) throws PolicyException {
    if (!node.isNumber()) {
      throw error(key, "must be a number from 0 to 100, is " + type(node));
    }
    double value = node.asDouble();
    if (value < 0 || value > 100) {
      throw error(key, "must be from 0 to 100, is " + value);
    }
    return value;
  }

  Layer layer(String key, String name) throws PolicyException {
    return Layer.byId(name)
        .orElseThrow(
            () ->
                error(
                    key,
                    "unknown layer \""
                        + name
                        + "\"; layers are "
                        + Arrays.stream(Layer.values())
                            .map(Layer::id)
                            .collect(Collectors.joining(", "))));
  }

  static String type(JsonNode node) {
    return ConditionValue.describe(node);
  }

  PolicyException error(String key, String reason) {
    return new PolicyException(file, lines.lineOf(key), key, reason);
  }
}
