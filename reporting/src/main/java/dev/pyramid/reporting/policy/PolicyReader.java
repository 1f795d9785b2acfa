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
import dev.pyramid.reporting.results.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code quality-gate.yml} strictly: an unknown key, a wrong type or an impossible value is a
 * {@link PolicyException} naming the file, the line and the key. Thread-safe.
 *
 * <p>Condition keys, their values and their layers are those of {@link ConditionKinds}; the format
 * is documented in the comments of the project's own {@code quality-gate.yml} and by {@code pyramid
 * policy --explain}.
 */
public final class PolicyReader {

  /** The one policy format version this reader understands. */
  public static final int VERSION = 1;

  /** Reads and checks the policy in {@code file}. */
  public Policy read(Path file) throws PolicyException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new PolicyException(file, 0, "", "no such policy file", e);
    } catch (IOException e) {
      throw new PolicyException(file, 0, "", "cannot read: " + e.getMessage(), e);
    }
    YamlLines.Parsed parsed = YamlLines.parse(file, text);
    YamlLines lines = parsed.lines();
    JsonNode root = parsed.root();
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new PolicyException(file, 1, "", "the policy file is empty");
    }
    return new Checker(file, lines).policy(root);
  }

  /** Turns the YAML tree into a policy, or names the first problem. */
  private record Checker(Path file, YamlLines lines) {

    Policy policy(JsonNode root) throws PolicyException {
      object(root, "", Set.of("version", "promotion", "sources", "lanes"));
      JsonNode version = required(root, "version", "write \"version: " + VERSION + "\"");
      if (!version.isInt() || version.asInt() != VERSION) {
        throw error(
            "version",
            "version " + version + " is not supported; this gate reads version " + VERSION);
      }
      JsonNode promotion = required(root, "promotion", "give promotion.path");
      object(promotion, "promotion", Set.of("path"));
      List<String> path =
          strings(
              required(promotion, "promotion.path", "list the stages in order"), "promotion.path");
      if (path.isEmpty()) {
        throw error(
            "promotion.path",
            "empty; list the stages in promotion order, e.g. [dev, staging, production]");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < path.size(); i++) {
        if (!seen.add(path.get(i))) {
          throw error("promotion.path[" + i + "]", "stage \"" + path.get(i) + "\" is listed twice");
        }
      }
      Sources sources = sources(root.get("sources"));
      JsonNode lanesNode = required(root, "lanes", "give at least lanes." + Policy.DEFAULT_LANE);
      object(lanesNode, "lanes", null);
      Map<String, Policy.Lane> lanes = new HashMap<>();
      for (Map.Entry<String, JsonNode> lane : lanesNode.properties()) {
        lanes.put(lane.getKey(), lane(lane.getKey(), lane.getValue(), path));
      }
      if (!lanes.containsKey(Policy.DEFAULT_LANE)) {
        throw error("lanes", "no \"" + Policy.DEFAULT_LANE + "\" lane; every policy needs one");
      }
      return new Policy(file, path, sources, lanes);
    }

    private Policy.Lane lane(String name, JsonNode lane, List<String> path) throws PolicyException {
      String key = "lanes." + name;
      object(lane, key, Set.of("score", "stages"));
      Policy.Score score = Policy.Score.DEFAULT;
      if (lane.has("score")) {
        JsonNode node = lane.get("score");
        object(node, key + ".score", Set.of("pass", "warn"));
        double pass =
            percent(required(node, key + ".score.pass", "give pass: 0..100"), key + ".score.pass");
        double warn =
            percent(required(node, key + ".score.warn", "give warn: 0..100"), key + ".score.warn");
        if (warn > pass) {
          throw error(
              key + ".score.warn",
              "warn (" + warn + ") is above pass (" + pass + "); warn must be <= pass");
        }
        score = new Policy.Score(pass, warn);
      }
      JsonNode stagesNode =
          required(lane, key + ".stages", "every stage on the promotion path needs an entry");
      object(stagesNode, key + ".stages", null);
      for (Iterator<String> it = stagesNode.fieldNames(); it.hasNext(); ) {
        String stage = it.next();
        if (!path.contains(stage)) {
          throw error(
              key + ".stages." + stage,
              "stage \"" + stage + "\" is not on the promotion path " + path);
        }
      }
      Map<String, Policy.Stage> stages = new HashMap<>();
      for (String stage : path) {
        if (!stagesNode.has(stage)) {
          throw error(
              key + ".stages",
              "stage \""
                  + stage
                  + "\" is on the promotion path but not in lane \""
                  + name
                  + "\": every lane takes every stage, none is skipped");
        }
        stages.put(stage, stage(key + ".stages." + stage, stage, stagesNode.get(stage)));
      }
      return new Policy.Lane(name, score, stages);
    }

    private Policy.Stage stage(String key, String name, JsonNode stage) throws PolicyException {
      object(stage, key, Set.of("require", "conditions"));
      List<String> names =
          strings(
              required(stage, key + ".require", "list the layers this stage requires"),
              key + ".require");
      List<Layer> require = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Layer layer = layer(key + ".require[" + i + "]", names.get(i));
        if (require.contains(layer)) {
          throw error(key + ".require[" + i + "]", "layer \"" + layer + "\" is listed twice");
        }
        require.add(layer);
      }
      List<Condition> conditions = new ArrayList<>();
      JsonNode list = stage.get("conditions");
      if (list != null && !list.isNull()) {
        if (!list.isArray()) {
          throw error(key + ".conditions", "must be a list of conditions, is " + type(list));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          String at = key + ".conditions[" + i + "]";
          Condition condition = condition(at, list.get(i), require);
          if (!ids.add(condition.id())) {
            throw error(
                at,
                "condition id \""
                    + condition.id()
                    + "\" is used twice in this stage; give one an id");
          }
          conditions.add(condition);
        }
      }
      return new Policy.Stage(name, require, conditions);
    }

    /**
     * One condition: exactly one key of a kind in {@link ConditionKinds}, the common options, and
     * that kind's own options. The layer rules come from the kind's {@link Scope}; the value is the
     * kind's to read.
     */
    private Condition condition(String key, JsonNode node, List<Layer> require)
        throws PolicyException {
      if (!node.isObject()) {
        throw error(
            key, "a condition is a map such as { layer: unit, min-tests: 1 }, is " + type(node));
      }
      List<ConditionKind> kinds = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        Optional<ConditionKind> kind = ConditionKinds.byKey(field);
        if (kind.isPresent()) {
          kinds.add(kind.get());
        } else if (!ConditionKind.COMMON_OPTIONS.contains(field)
            && ConditionKinds.keysTaking(field).isEmpty()) {
          throw error(
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
        throw error(
            key,
            kinds.isEmpty()
                ? "no condition key; use one of " + allKeys()
                : "one condition per entry, found "
                    + kinds.stream().map(ConditionKind::key).toList());
      }
      ConditionKind kind = kinds.get(0);
      String kindKey = key + "." + kind.key();
      Layer layer = layer(key, kind, node, require);
      Map<String, JsonNode> given = new HashMap<>();
      Map<String, String> options = new HashMap<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (field.equals(kind.key()) || ConditionKind.COMMON_OPTIONS.contains(field)) {
          continue;
        }
        if (!kind.options().contains(field)) {
          throw error(
              key + "." + field,
              kind.key()
                  + " takes no "
                  + field
                  + "; only "
                  + ConditionKinds.keysTaking(field)
                  + " do");
        }
        given.put(field, node.get(field));
        options.put(field, node.get(field).asText());
      }
      Threshold threshold;
      try {
        threshold = kind.parse(new ConditionValue(node.get(kind.key()), given));
      } catch (InvalidConditionException e) {
        throw error(e.option() == null ? kindKey : key + "." + e.option(), e.getMessage());
      }
      boolean blocking = true;
      if (node.has("blocking")) {
        if (!node.get("blocking").isBoolean()) {
          throw error(key + ".blocking", "must be true or false, is " + type(node.get("blocking")));
        }
        blocking = node.get("blocking").asBoolean();
      }
      double weight = 1;
      if (node.has("weight")) {
        if (blocking) {
          throw error(
              key + ".weight",
              "a blocking condition has no weight; add blocking: false to weigh it into the score");
        }
        JsonNode w = node.get("weight");
        if (!w.isNumber() || w.asDouble() <= 0) {
          throw error(key + ".weight", "must be a number above 0, is " + w);
        }
        weight = w.asDouble();
      }
      String id =
          node.has("id") ? text(node.get("id"), key + ".id") : kind.defaultId(layer, options);
      return new Condition(
          id, kind, layer, threshold, options, blocking, weight, lines.lineOf(kindKey));
    }

    /**
     * The layer a condition is about, by its kind's scope; every layer it reads must be required by
     * the stage.
     */
    private Layer layer(String key, ConditionKind kind, JsonNode node, List<Layer> require)
        throws PolicyException {
      Scope scope = kind.scope();
      String kindKey = key + "." + kind.key();
      Layer layer = scope.implied();
      if (node.has("layer")) {
        if (scope.isAcrossLayers()) {
          throw error(
              key + ".layer",
              kind.key() + " compares " + names(scope.compared()) + "; it takes no layer");
        }
        layer = layer(key + ".layer", text(node.get("layer"), key + ".layer"));
        if (!scope.allowed().contains(layer)) {
          throw error(
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
        throw error(
            key,
            kind.key() + " needs a layer: add layer: " + String.join("|", names(scope.allowed())));
      }
      if (layer != null && !require.contains(layer)) {
        throw error(
            node.has("layer") ? key + ".layer" : kindKey,
            "layer \""
                + layer
                + "\" is not required by this stage; add it to require or drop the condition");
      }
      for (Layer needed : scope.compared()) {
        if (!require.contains(needed)) {
          throw error(
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

    private Sources sources(JsonNode node) throws PolicyException {
      Sources defaults = Sources.defaults();
      if (node == null || node.isNull()) {
        return defaults;
      }
      object(
          node,
          "sources",
          Arrays.stream(Layer.values()).map(Layer::id).collect(Collectors.toSet()));
      Map<Layer, Sources.LayerSources> layers = new EnumMap<>(Layer.class);
      for (Layer layer : Layer.values()) {
        Sources.LayerSources of = defaults.of(layer);
        JsonNode given = node.get(layer.id());
        if (given != null) {
          String key = "sources." + layer.id();
          List<String> kinds = dev.pyramid.reporting.results.EvidenceReaders.keys();
          object(given, key, Set.copyOf(kinds));
          for (String source : kinds) {
            if (given.has(source)) {
              of = of.with(source, strings(given.get(source), key + "." + source));
            }
          }
          for (String glob : of.all()) {
            java.util.Optional<String> invalid =
                dev.pyramid.reporting.results.FileGlob.invalid(glob);
            if (invalid.isPresent()) {
              throw error(key, "\"" + glob + "\" is not a valid glob: " + invalid.get());
            }
          }
        }
        layers.put(layer, of);
      }
      return new Sources(layers);
    }

    private void object(JsonNode node, String key, Set<String> known) throws PolicyException {
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

    private JsonNode required(JsonNode parent, String key, String hint) throws PolicyException {
      String field = key.substring(key.lastIndexOf('.') + 1);
      JsonNode node = parent.get(field);
      if (node == null || node.isNull()) {
        throw error(key, "missing; " + hint);
      }
      return node;
    }

    private List<String> strings(JsonNode node, String key) throws PolicyException {
      if (!node.isArray()) {
        throw error(key, "must be a list, is " + type(node));
      }
      List<String> values = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        values.add(text(node.get(i), key + "[" + i + "]"));
      }
      return values;
    }

    private String text(JsonNode node, String key) throws PolicyException {
      if (node == null || !node.isTextual() || node.asText().isBlank()) {
        throw error(key, "must be a non-empty text, is " + type(node));
      }
      return node.asText();
    }

    private double percent(JsonNode node, String key) throws PolicyException {
      if (!node.isNumber()) {
        throw error(key, "must be a number from 0 to 100, is " + type(node));
      }
      double value = node.asDouble();
      if (value < 0 || value > 100) {
        throw error(key, "must be from 0 to 100, is " + value);
      }
      return value;
    }

    private Layer layer(String key, String name) throws PolicyException {
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

    private static String type(JsonNode node) {
      return ConditionValue.describe(node);
    }

    private PolicyException error(String key, String reason) {
      return new PolicyException(file, lines.lineOf(key), key, reason);
    }
  }
}
