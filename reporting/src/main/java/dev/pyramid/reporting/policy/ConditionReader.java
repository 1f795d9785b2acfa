package dev.pyramid.reporting.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.conditions.Condition;
import dev.pyramid.reporting.conditions.ConditionKind;
import dev.pyramid.reporting.conditions.ConditionKinds;
import dev.pyramid.reporting.conditions.ConditionValue;
import dev.pyramid.reporting.conditions.InvalidConditionException;
import dev.pyramid.reporting.conditions.Scope;
import dev.pyramid.reporting.conditions.Threshold;
import dev.pyramid.reporting.results.Layer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads one condition of a stage by the table of condition kinds, or names what is wrong with it.
 */
record ConditionReader(PolicyNodes nodes) {

  /**
   * One condition: exactly one key of a kind in {@link ConditionKinds}, the common options, and
   * that kind's own options. The layer rules come from the kind's {@link Scope}; the value is the
   * kind's to read.
   */
  Condition condition(String key, JsonNode node, List<Layer> require) throws PolicyException {
    if (!node.isObject()) {
      throw nodes.error(
          key,
          "a condition is a map such as { layer: unit, min-tests: 1 }, is "
              + PolicyNodes.type(node));
    }
    List<ConditionKind> kinds = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      Optional<ConditionKind> kind = ConditionKinds.byKey(field);
      if (kind.isPresent()) {
        kinds.add(kind.get());
      } else if (!ConditionKind.COMMON_OPTIONS.contains(field)
          && ConditionKinds.keysTaking(field).isEmpty()) {
        throw nodes.error(
            key + "." + field,
            "unknown key \""
                + field
                + "\"; a condition is one of "
                + allKeys()
                + ", with optional "
                + new TreeSet<>(ConditionKind.COMMON_OPTIONS)
                + " (pyramid policy --explain documents each)");
      }
    }
    if (kinds.size() != 1) {
      throw nodes.error(
          key,
          kinds.isEmpty()
              ? "no condition key; use one of " + allKeys()
              : "one condition per entry, found "
                  + kinds.stream().map(ConditionKind::key).toList());
    }
    ConditionKind kind = kinds.get(0);
    String kindKey = key + "." + kind.key();
    Layer layer = layerOf(key, kind, node, require);
    Map<String, JsonNode> given = new HashMap<>();
    Map<String, String> options = new HashMap<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (field.equals(kind.key()) || ConditionKind.COMMON_OPTIONS.contains(field)) {
        continue;
      }
      if (!kind.options().contains(field)) {
        throw nodes.error(
            key + "." + field,
            kind.key()
                + " takes no "
                + field
                + "; only "
                + ConditionKinds.keysTaking(field)
                + " do");
      }
      JsonNode option = node.get(field);
      given.put(field, option);
      if (option.isObject()) {
        // A map option's entries, each under its dotted key: as errors name them (sunset.v1).
        for (Map.Entry<String, JsonNode> entry : option.properties()) {
          options.put(field + "." + entry.getKey(), entry.getValue().asText());
        }
      } else {
        options.put(field, option.asText());
      }
    }
    Threshold threshold;
    try {
      threshold = kind.parse(new ConditionValue(node.get(kind.key()), given));
    } catch (InvalidConditionException e) {
      throw nodes.error(e.option() == null ? kindKey : key + "." + e.option(), e.getMessage());
    }
    boolean blocking = true;
    if (node.has("blocking")) {
      if (!node.get("blocking").isBoolean()) {
        throw nodes.error(
            key + ".blocking",
            "must be true or false, is " + PolicyNodes.type(node.get("blocking")));
      }
      blocking = node.get("blocking").asBoolean();
    }
    double weight = 1;
    if (node.has("weight")) {
      if (blocking) {
        throw nodes.error(
            key + ".weight",
            "a blocking condition has no weight; add blocking: false to weigh it into the score");
      }
      JsonNode w = node.get("weight");
      if (!w.isNumber() || w.asDouble() <= 0) {
        throw nodes.error(key + ".weight", "must be a number above 0, is " + w);
      }
      weight = w.asDouble();
    }
    String id =
        node.has("id") ? nodes.text(node.get("id"), key + ".id") : kind.defaultId(layer, options);
    return new Condition(
        id, kind, layer, threshold, options, blocking, weight, nodes.lines().lineOf(kindKey));
  }

  /**
   * The layer a condition is about, by its kind's scope; every layer it reads must be required by
   * the stage.
   */
  private Layer layerOf(String key, ConditionKind kind, JsonNode node, List<Layer> require)
      throws PolicyException {
    Scope scope = kind.scope();
    String kindKey = key + "." + kind.key();
    Layer layer = scope.implied();
    if (node.has("layer")) {
      if (scope.isAcrossLayers()) {
        throw nodes.error(
            key + ".layer",
            kind.key()
                + (scope.everyCompared() ? " compares " : " reads ")
                + names(scope.compared())
                + "; it takes no layer");
      }
      layer = nodes.layer(key + ".layer", nodes.text(node.get("layer"), key + ".layer"));
      if (!scope.allowed().contains(layer)) {
        throw nodes.error(
            key + ".layer",
            scope.implied() != null
                ? kind.key() + " applies to the " + scope.implied() + " layer only"
                : kind.key()
                    + " does not apply to the "
                    + layer
                    + " layer; on "
                    + layer
                    + " use one of "
                    + ConditionKinds.keysFor(layer));
      }
    } else if (layer == null && !scope.isAcrossLayers()) {
      throw nodes.error(
          key,
          kind.key() + " needs a layer: add layer: " + String.join("|", names(scope.allowed())));
    }
    if (layer != null && !require.contains(layer)) {
      throw nodes.error(
          node.has("layer") ? key + ".layer" : kindKey,
          "layer \""
              + layer
              + "\" is not required by this stage; add it to require or drop the condition");
    }
    if (!scope.everyCompared() && scope.isAcrossLayers() && scope.read(require).isEmpty()) {
      throw nodes.error(
          kindKey,
          kind.key()
              + " reads the layers "
              + names(scope.compared())
              + " the stage requires; this stage requires none of them");
    }
    for (Layer needed : scope.everyCompared() ? scope.compared() : List.<Layer>of()) {
      if (!require.contains(needed)) {
        throw nodes.error(
            kindKey,
            kind.key()
                + " compares "
                + names(scope.compared())
                + "; this stage does not require "
                + needed);
      }
    }
    return layer;
  }

  private static List<String> names(java.util.Collection<Layer> layers) {
    return layers.stream().sorted().map(Layer::id).toList();
  }

  private static String allKeys() {
    return ConditionKinds.ALL.stream().map(ConditionKind::key).toList().toString();
  }
}
