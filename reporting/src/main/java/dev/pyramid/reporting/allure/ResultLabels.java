package dev.pyramid.reporting.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes every aggregated result group by layer first: fills in {@code parentSuite} and {@code epic}
 * (= the layer), {@code feature} (see {@link FeatureNames}) and {@code layer} where a result lacks
 * them, and sets {@code statusDetails.flaky} on the tests Surefire or Failsafe reran.
 *
 * <p>Labels a result already carries (the layer annotations set {@code layer}, {@code parentSuite}
 * and {@code epic}; a test may add {@code @Feature}) are kept.
 */
final class ResultLabels {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LAYER_TAGS = List.of("unit", "contract", "e2e", "perf");

  private ResultLabels() {}

  /**
   * Rewrites the {@code *-result.json} files in {@code directory}; returns how many were changed.
   */
  static int complete(Path directory, Set<String> flaky) throws IOException {
    int changed = 0;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          (Iterable<Path>)
              files.filter(f -> f.getFileName().toString().endsWith("-result.json"))::iterator) {
        JsonNode tree;
        try {
          tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
          continue; // Allure itself skips an unreadable result; so does this step.
        }
        if (tree instanceof ObjectNode result && complete(result, flaky)) {
          JSON.writeValue(file.toFile(), result);
          changed++;
        }
      }
    }
    return changed;
  }

  /** Completes one result in place; true when it changed. */
  static boolean complete(ObjectNode result, Set<String> flaky) {
    ArrayNode labels =
        result.has("labels") && result.get("labels").isArray()
            ? (ArrayNode) result.get("labels")
            : result.putArray("labels");
    Map<String, String> present = new LinkedHashMap<>();
    for (JsonNode label : labels) {
      present.putIfAbsent(label.path("name").asText(""), label.path("value").asText(""));
    }
    boolean changed = false;
    String className = present.getOrDefault("testClass", "");
    String layer = present.get("layer");
    if (layer == null) {
      layer = "untagged";
      for (JsonNode label : labels) {
        if ("tag".equals(label.path("name").asText())
            && LAYER_TAGS.contains(label.path("value").asText())) {
          layer = label.path("value").asText();
          break;
        }
      }
      changed |= add(labels, present, "layer", layer);
    }
    changed |= add(labels, present, "parentSuite", layer);
    changed |= add(labels, present, "epic", layer);
    changed |=
        add(
            labels,
            present,
            "feature",
            FeatureNames.of(className.isEmpty() ? present.getOrDefault("suite", "") : className));
    String method = present.getOrDefault("testMethod", "");
    if (!className.isEmpty()
        && !method.isEmpty()
        && flaky.contains(FlakyTests.key(className, method))) {
      ObjectNode details =
          result.has("statusDetails") && result.get("statusDetails").isObject()
              ? (ObjectNode) result.get("statusDetails")
              : result.putObject("statusDetails");
      if (!details.path("flaky").asBoolean(false)) {
        details.put("flaky", true);
        changed = true;
      }
    }
    return changed;
  }

  private static boolean add(
      ArrayNode labels, Map<String, String> present, String name, String value) {
    if (present.containsKey(name)) {
      return false;
    }
    labels.addObject().put("name", name).put("value", value);
    present.put(name, value);
    return true;
  }
}
