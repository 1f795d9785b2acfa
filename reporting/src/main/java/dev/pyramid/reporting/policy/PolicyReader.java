package dev.pyramid.reporting.policy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code quality-gate.yml} strictly: an unknown key, a wrong type or an impossible value is a
 * {@link PolicyException} naming the file, the line and the key. Thread-safe.
 *
 * <p>The format is documented, with an example of every condition, in the comments of the project's
 * own {@code quality-gate.yml}.
 */
public final class PolicyReader {

  /** The one policy format version this reader understands. */
  public static final int VERSION = 1;

  /** Layer-bound condition keys that take a count. */
  static final Set<String> COUNTS = Set.of("min-tests", "max-failures", "max-flaky");
  /** Condition keys that take {@code true}. */
  static final Set<String> FLAGS = Set.of("all-interactions-verified", "all-assertions-pass", "pyramid-shape");
  /** Coverage condition keys: a minimum percentage. */
  static final Set<String> COVERAGE = Set.of("min-line-coverage", "min-branch-coverage");
  /** Performance condition keys: a number (absolute) or {@code "<=+10%"} (relative to the baseline). */
  static final Set<String> PERFORMANCE = Set.of("p95", "p99", "max", "error-pct", "throughput");
  private static final Set<String> CONDITION_OPTIONS = Set.of("layer", "id", "blocking", "weight", "request");
  private static final Pattern RELATIVE = Pattern.compile("^(<=|>=)\\s*([+-]\\d+(?:\\.\\d+)?)%$");

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
        throw error("version", "version " + version + " is not supported; this gate reads version " + VERSION);
      }
      JsonNode promotion = required(root, "promotion", "give promotion.path");
      object(promotion, "promotion", Set.of("path"));
      List<String> path = strings(required(promotion, "promotion.path", "list the stages in order"), "promotion.path");
      if (path.isEmpty()) {
        throw error("promotion.path", "empty; list the stages in promotion order, e.g. [dev, staging, production]");
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
        double pass = percent(required(node, key + ".score.pass", "give pass: 0..100"), key + ".score.pass");
        double warn = percent(required(node, key + ".score.warn", "give warn: 0..100"), key + ".score.warn");
        if (warn > pass) {
          throw error(key + ".score.warn", "warn (" + warn + ") is above pass (" + pass + "); warn must be <= pass");
        }
        score = new Policy.Score(pass, warn);
      }
      JsonNode stagesNode = required(lane, key + ".stages", "every stage on the promotion path needs an entry");
      object(stagesNode, key + ".stages", null);
      for (Iterator<String> it = stagesNode.fieldNames(); it.hasNext(); ) {
        String stage = it.next();
        if (!path.contains(stage)) {
          throw error(key + ".stages." + stage, "stage \"" + stage + "\" is not on the promotion path " + path);
        }
      }
      Map<String, Policy.Stage> stages = new HashMap<>();
      for (String stage : path) {
        if (!stagesNode.has(stage)) {
          throw error(key + ".stages", "stage \"" + stage + "\" is on the promotion path but not in lane \"" + name
              + "\": every lane takes every stage, none is skipped");
        }
        stages.put(stage, stage(key + ".stages." + stage, stage, stagesNode.get(stage)));
      }
      return new Policy.Lane(name, score, stages);
    }

    private Policy.Stage stage(String key, String name, JsonNode stage) throws PolicyException {
      object(stage, key, Set.of("require", "conditions"));
      List<String> names = strings(required(stage, key + ".require", "list the layers this stage requires"),
          key + ".require");
      List<Layer> require = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Layer layer = layer(key + ".require[" + i + "]", names.get(i));
        if (require.contains(layer)) {
          throw error(key + ".require[" + i + "]", "layer \"" + layer + "\" is listed twice");
        }
        require.add(layer);
      }
      List<Policy.Condition> conditions = new ArrayList<>();
      JsonNode list = stage.get("conditions");
      if (list != null && !list.isNull()) {
        if (!list.isArray()) {
          throw error(key + ".conditions", "must be a list of conditions, is " + type(list));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          String at = key + ".conditions[" + i + "]";
          Policy.Condition condition = condition(at, list.get(i), require);
          if (!ids.add(condition.id())) {
            throw error(at, "condition id \"" + condition.id() + "\" is used twice in this stage; give one an id");
          }
          conditions.add(condition);
        }
      }
      return new Policy.Stage(name, require, conditions);
    }

    private Policy.Condition condition(String key, JsonNode node, List<Layer> require) throws PolicyException {
      if (!node.isObject()) {
        throw error(key, "a condition is a map such as { layer: unit, min-tests: 1 }, is " + type(node));
      }
      List<String> kinds = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (COUNTS.contains(field) || FLAGS.contains(field) || COVERAGE.contains(field) || PERFORMANCE.contains(field)) {
          kinds.add(field);
        } else if (!CONDITION_OPTIONS.contains(field)) {
          throw error(key + "." + field, "unknown key \"" + field + "\"; a condition is one of "
              + sortedUnion() + ", with optional " + new java.util.TreeSet<>(CONDITION_OPTIONS));
        }
      }
      if (kinds.size() != 1) {
        throw error(key, kinds.isEmpty() ? "no condition key; use one of " + sortedUnion()
            : "one condition per entry, found " + kinds);
      }
      String kind = kinds.get(0);
      String kindKey = key + "." + kind;
      JsonNode value = node.get(kind);
      Layer implied = switch (kind) {
        case "all-interactions-verified" -> Layer.CONTRACT;
        case "all-assertions-pass", "p95", "p99", "max", "error-pct", "throughput" -> Layer.PERF;
        case "min-line-coverage", "min-branch-coverage" -> Layer.UNIT;
        default -> null;
      };
      Layer layer = implied;
      if (node.has("layer")) {
        if (kind.equals("pyramid-shape")) {
          throw error(key + ".layer", "pyramid-shape compares unit, contract and e2e; it takes no layer");
        }
        layer = layer(key + ".layer", text(node.get("layer"), key + ".layer"));
        if (implied != null && implied != Layer.UNIT && layer != implied) {
          throw error(key + ".layer", kind + " applies to the " + implied + " layer only");
        }
      } else if (layer == null && !kind.equals("pyramid-shape")) {
        throw error(key, kind + " needs a layer: add layer: unit|contract|e2e");
      }
      if (layer != null && !require.contains(layer)) {
        throw error(node.has("layer") ? key + ".layer" : kindKey, "layer \"" + layer
            + "\" is not required by this stage; add it to require or drop the condition");
      }
      if (kind.equals("pyramid-shape")) {
        for (Layer needed : List.of(Layer.UNIT, Layer.CONTRACT, Layer.E2E)) {
          if (!require.contains(needed)) {
            throw error(kindKey, "pyramid-shape compares unit, contract and e2e; this stage does not require " + needed);
          }
        }
      }
      if (layer == Layer.PERF && COUNTS.contains(kind)) {
        throw error(kindKey, "the perf layer has no test cases; use all-assertions-pass or p95, p99, max, "
            + "error-pct, throughput");
      }
      Policy.Threshold threshold = null;
      if (COUNTS.contains(kind)) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
          throw error(kindKey, "must be a whole number, is " + type(value));
        }
        if (value.asInt() < 0) {
          throw error(kindKey, "must be 0 or more, is " + value.asInt());
        }
        threshold = new Policy.Threshold(kind.startsWith("min") ? ">=" : "<=", value.asInt(), false);
      } else if (FLAGS.contains(kind)) {
        if (!value.isBoolean() || !value.asBoolean()) {
          throw error(kindKey, "must be true (remove the condition to drop it), is " + value);
        }
      } else if (COVERAGE.contains(kind)) {
        threshold = new Policy.Threshold(">=", percent(value, kindKey), false);
      } else {
        threshold = performance(kindKey, kind, value);
      }
      if (node.has("request") && !PERFORMANCE.contains(kind)) {
        throw error(key + ".request", "only performance conditions (p95, p99, max, error-pct, throughput) name a request");
      }
      String request = node.has("request") ? text(node.get("request"), key + ".request") : "All Requests";
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
          throw error(key + ".weight", "a blocking condition has no weight; add blocking: false to weigh it into the score");
        }
        JsonNode w = node.get("weight");
        if (!w.isNumber() || w.asDouble() <= 0) {
          throw error(key + ".weight", "must be a number above 0, is " + w);
        }
        weight = w.asDouble();
      }
      String id;
      if (node.has("id")) {
        id = text(node.get("id"), key + ".id");
      } else {
        String prefix = layer == null ? "shape" : layer.id();
        id = prefix + "." + kind + (PERFORMANCE.contains(kind) && !request.equals("All Requests") ? "[" + request + "]" : "");
      }
      return new Policy.Condition(id, kind, layer, PERFORMANCE.contains(kind) ? request : null, threshold, blocking,
          weight, lines.lineOf(kindKey));
    }

    private Policy.Threshold performance(String key, String kind, JsonNode value) throws PolicyException {
      String bound = kind.equals("throughput") ? ">=" : "<=";
      if (value.isNumber()) {
        if (value.asDouble() < 0) {
          throw error(key, "must be 0 or more, is " + value);
        }
        if (kind.equals("error-pct") && value.asDouble() > 100) {
          throw error(key, "a percentage of failed requests is at most 100, is " + value);
        }
        return new Policy.Threshold(bound, value.asDouble(), false);
      }
      if (value.isTextual()) {
        Matcher relative = RELATIVE.matcher(value.asText().strip());
        if (relative.matches()) {
          if (!relative.group(1).equals(bound)) {
            throw error(key, kind + " is bounded with " + bound + " (" + (bound.equals("<=") ? "lower" : "higher")
                + " is better), not " + relative.group(1));
          }
          return new Policy.Threshold(bound, Double.parseDouble(relative.group(2)), true);
        }
      }
      throw error(key, "must be a number (absolute, " + (kind.equals("throughput") ? "requests/s minimum"
          : kind.equals("error-pct") ? "% maximum" : "ms maximum") + ") or a change relative to the baseline such as \""
          + bound + (bound.equals("<=") ? "+10%" : "-10%") + "\", is " + value);
    }

    private Sources sources(JsonNode node) throws PolicyException {
      Sources defaults = Sources.defaults();
      if (node == null || node.isNull()) {
        return defaults;
      }
      object(node, "sources", Arrays.stream(Layer.values()).map(Layer::id).collect(Collectors.toSet()));
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
            java.util.Optional<String> invalid = dev.pyramid.reporting.results.FileGlob.invalid(glob);
            if (invalid.isPresent()) {
              throw error(key, "\"" + glob + "\" is not a valid glob: " + invalid.get());
            }
          }
        }
        layers.put(layer, of);
      }
      return new Sources(layers);
    }

    private static String sortedUnion() {
      java.util.TreeSet<String> all = new java.util.TreeSet<>(COUNTS);
      all.addAll(FLAGS);
      all.addAll(COVERAGE);
      all.addAll(PERFORMANCE);
      return all.toString();
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
          throw error(key.isEmpty() ? field : key + "." + field, "unknown key \"" + field + "\"; known here: "
              + new java.util.TreeSet<>(known));
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
      return Layer.byId(name).orElseThrow(() -> error(key, "unknown layer \"" + name + "\"; layers are "
          + Arrays.stream(Layer.values()).map(Layer::id).collect(Collectors.joining(", "))));
    }

    private static String type(JsonNode node) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return "empty";
      }
      return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node;
    }

    private PolicyException error(String key, String reason) {
      return new PolicyException(file, lines.lineOf(key), key, reason);
    }
  }
}
