package dev.pyramid.reporting.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pyramid.reporting.results.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code quality-gate.yml} strictly: every problem is a {@link PolicyException} naming the file,
 * the line and the key. Thread-safe.
 */
public final class PolicyReader {

  /** The one policy format version this reader understands. */
  public static final int VERSION = 1;

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  // The file's shape, bound by Jackson; semantic checks follow in toPolicy.
  private record PolicyFile(Integer version, Promotion promotion, LinkedHashMap<String, StageFile> stages,
      LinkedHashMap<String, ConditionsFile> conditions) {}

  private record Promotion(List<String> path) {}

  private record StageFile(List<String> require) {}

  private record ConditionsFile(
      @JsonProperty("min-tests") Integer minTests,
      @JsonProperty("max-failures") Integer maxFailures,
      @JsonProperty("all-interactions-verified") Boolean allInteractionsVerified,
      @JsonProperty("all-assertions-pass") Boolean allAssertionsPass) {}

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
    Map<String, Integer> lines = keyLines(file, text);
    PolicyFile bound;
    try {
      bound = YAML.readValue(text, PolicyFile.class);
    } catch (UnrecognizedPropertyException e) {
      // Jackson's path already ends with the unknown key; its location is where parsing stopped.
      String key = pathOf(e);
      throw new PolicyException(file, lines.getOrDefault(key, lineOf(e.getLocation())), key,
          "unknown key \"" + e.getPropertyName() + "\"; known here: " + e.getKnownPropertyIds(), e);
    } catch (JsonMappingException e) {
      String key = pathOf(e);
      throw new PolicyException(file, lines.getOrDefault(key, lineOf(e.getLocation())), key,
          e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new PolicyException(file, lineOf(e.getLocation()), "", "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (bound == null) {
      throw new PolicyException(file, 1, "", "the policy file is empty");
    }
    return new Checker(file, lines).toPolicy(bound);
  }

  /** Turns the bound file into a policy, or names the first inconsistency. */
  private record Checker(Path file, Map<String, Integer> lines) {

    Policy toPolicy(PolicyFile bound) throws PolicyException {
      if (bound.version() == null) {
        throw error("version", "missing; write \"version: " + VERSION + "\"");
      }
      if (bound.version() != VERSION) {
        throw error("version", "version " + bound.version() + " is not supported; this gate reads version " + VERSION);
      }
      if (bound.promotion() == null || bound.promotion().path() == null || bound.promotion().path().isEmpty()) {
        throw error("promotion.path", "missing; list the stages in promotion order, e.g. [dev, staging, production]");
      }
      List<String> path = bound.promotion().path();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < path.size(); i++) {
        if (path.get(i) == null || !seen.add(path.get(i))) {
          throw error("promotion.path[" + i + "]", "empty or repeated stage \"" + path.get(i) + "\"");
        }
      }
      Map<String, Policy.Stage> stages = stages(path, bound.stages());
      Map<Layer, Policy.LayerConditions> conditions = conditions(bound.conditions());
      return new Policy(file, bound.version(), path, stages, conditions);
    }

    private Map<String, Policy.Stage> stages(List<String> path, Map<String, StageFile> declared)
        throws PolicyException {
      if (declared == null) {
        throw error("stages", "missing; every stage on the promotion path needs an entry");
      }
      for (String name : declared.keySet()) {
        if (!path.contains(name)) {
          throw error("stages." + name, "stage \"" + name + "\" is not on the promotion path " + path);
        }
      }
      Map<String, Policy.Stage> stages = new HashMap<>();
      for (String name : path) {
        StageFile stage = declared.get(name);
        if (stage == null || stage.require() == null) {
          throw error(declared.containsKey(name) ? "stages." + name : "stages",
              "stage \"" + name + "\" is on the promotion path but has no \"require\" list");
        }
        List<Layer> require = new ArrayList<>();
        for (int i = 0; i < stage.require().size(); i++) {
          String key = "stages." + name + ".require[" + i + "]";
          Layer layer = layer(key, stage.require().get(i));
          if (require.contains(layer)) {
            throw error(key, "layer \"" + layer + "\" is listed twice");
          }
          require.add(layer);
        }
        stages.put(name, new Policy.Stage(name, require));
      }
      return stages;
    }

    private Map<Layer, Policy.LayerConditions> conditions(Map<String, ConditionsFile> declared)
        throws PolicyException {
      Map<Layer, Policy.LayerConditions> conditions = new EnumMap<>(Layer.class);
      if (declared == null) {
        return conditions;
      }
      for (Map.Entry<String, ConditionsFile> entry : declared.entrySet()) {
        String key = "conditions." + entry.getKey();
        Layer layer = layer(key, entry.getKey());
        ConditionsFile given = entry.getValue();
        if (given == null) {
          throw error(key, "empty; remove the layer or give it conditions");
        }
        nonNegative(key + ".min-tests", given.minTests());
        nonNegative(key + ".max-failures", given.maxFailures());
        if (given.allInteractionsVerified() != null && layer != Layer.CONTRACT) {
          throw error(key + ".all-interactions-verified", "applies to the contract layer only");
        }
        if (given.allAssertionsPass() != null && layer != Layer.PERF) {
          throw error(key + ".all-assertions-pass", "applies to the perf layer only");
        }
        if (layer == Layer.PERF && (given.minTests() != null || given.maxFailures() != null)) {
          throw error(key + (given.minTests() != null ? ".min-tests" : ".max-failures"),
              "the perf layer has no tests; use all-assertions-pass");
        }
        conditions.put(layer, new Policy.LayerConditions(
            given.minTests(), given.maxFailures(), given.allInteractionsVerified(), given.allAssertionsPass()));
      }
      return conditions;
    }

    private void nonNegative(String key, Integer value) throws PolicyException {
      if (value != null && value < 0) {
        throw error(key, "must be 0 or more, is " + value);
      }
    }

    private Layer layer(String key, String name) throws PolicyException {
      if (name == null) {
        throw error(key, "empty layer name");
      }
      return Layer.byId(name).orElseThrow(() -> error(key, "unknown layer \"" + name + "\"; layers are "
          + java.util.Arrays.stream(Layer.values()).map(Layer::id).collect(Collectors.joining(", "))));
    }

    private PolicyException error(String key, String reason) {
      return new PolicyException(file, lineOfKey(key), key, reason);
    }

    private int lineOfKey(String key) {
      // Fall back to the nearest enclosing key that has a line.
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
  }

  /** The line of every key and list element, by dotted path (e.g. "stages.dev.require[0]"). */
  private static Map<String, Integer> keyLines(Path file, String text) throws PolicyException {
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

  private static String pathOf(JsonMappingException e) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        key.append(key.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        key.append('[').append(reference.getIndex()).append(']');
      }
    }
    return key.toString();
  }

  private static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }
}
