package dev.pyramid.reporting.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a decision as {@code decision.json}, schema version {@value #SCHEMA_VERSION}.
 *
 * <p>The shape is written out here field by field (not derived from the records) so that renaming a
 * Java field never changes what CI scripts read.
 */
public final class DecisionJson {

  /** The version of the JSON shape; raised on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DecisionJson() {}

  /** The JSON text. */
  public static String render(Decision decision) {
    try {
      return JSON.writeValueAsString(tree(decision)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the JSON text to {@code file}, creating its directory. */
  public static void write(Decision decision, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(decision));
  }

  private static Map<String, Object> tree(Decision decision) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("verdict", decision.outcome().name());
    root.put("exitCode", decision.outcome().exitCode());
    root.put("stage", decision.stage());
    root.put("level", decision.isLevelRun() ? decision.level().stream().map(Layer::id).toList() : "all");
    root.put("promotionDecided", !decision.isLevelRun());
    root.put("summary", VerdictLine.of(decision));
    root.put("layers", decision.layers().stream().map(DecisionJson::layer).toList());
    root.put("conditions", decision.conditions().stream().map(DecisionJson::condition).toList());
    return root;
  }

  private static Map<String, Object> layer(LayerResult result) {
    LayerEvidence evidence = result.evidence();
    Counts counts = evidence.counts();
    Map<String, Object> layer = new LinkedHashMap<>();
    layer.put("layer", result.layer().id());
    layer.put("verdict", result.verdict().id());
    layer.put("tests", counts.tests());
    layer.put("passed", counts.passed());
    layer.put("failed", counts.failed());
    layer.put("errored", counts.errored());
    layer.put("skipped", counts.skipped());
    layer.put("evidence", paths(evidence.sources()));
    layer.put("problems", evidence.problems().stream()
        .map(p -> Map.of("file", p.file().toString(), "reason", p.reason())).toList());
    if (!evidence.pacts().isEmpty()) {
      layer.put("pacts", evidence.pacts().stream().map(p -> {
        Map<String, Object> pact = new LinkedHashMap<>();
        pact.put("consumer", p.consumer());
        pact.put("provider", p.provider());
        pact.put("interactions", p.interactions());
        pact.put("failed", p.failed());
        pact.put("report", p.source().toString());
        return pact;
      }).toList());
    }
    if (!evidence.assertions().isEmpty()) {
      layer.put("assertions", evidence.assertions().stream().map(a -> {
        Map<String, Object> assertion = new LinkedHashMap<>();
        assertion.put("simulation", a.simulation());
        assertion.put("description", a.description());
        assertion.put("expected", a.expected());
        assertion.put("actual", a.actual());
        assertion.put("passed", a.passed());
        assertion.put("report", a.source().toString());
        return assertion;
      }).toList());
    }
    return layer;
  }

  private static Map<String, Object> condition(ConditionResult result) {
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("id", result.id());
    condition.put("layer", result.layer().id());
    condition.put("expected", result.expected());
    condition.put("actual", result.actual());
    condition.put("verdict", result.verdict().id());
    condition.put("evidence", paths(result.evidence()));
    return condition;
  }

  private static List<String> paths(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }
}
