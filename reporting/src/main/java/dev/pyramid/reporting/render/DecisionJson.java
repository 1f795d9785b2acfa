package dev.pyramid.reporting.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.Sources;
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
 *
 * <p>A layer's and a condition's {@code evidence} is an object rather than the list of every file
 * read (which would be 28 MB for 100,000 Allure results): {@code count} (files or run directories
 * read), {@code roots} (the result roots searched), {@code globs} (the policy's globs for that
 * layer, when known) and {@code files} (the paths themselves, only when fewer than {@value
 * #LISTED_FILES}). Files that had a problem are still all named, in {@code problems} of the layer
 * and of the decision.
 */
public final class DecisionJson {

  /** The version of the JSON shape; raised on any incompatible change. */
  public static final int SCHEMA_VERSION = 3;

  /** Evidence lists of this many files or more are given as count, roots and globs. */
  public static final int LISTED_FILES = 50;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DecisionJson() {}

  /** The JSON text, without the policy's globs. */
  public static String render(Decision decision) {
    return render(decision, null);
  }

  /** The JSON text; {@code sources} (the policy's globs) may be null. */
  public static String render(Decision decision, Sources sources) {
    try {
      return JSON.writeValueAsString(tree(decision, sources)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the JSON text to {@code file}, creating its directory. */
  public static void write(Decision decision, Path file) throws IOException {
    write(decision, null, file);
  }

  /**
   * Writes the JSON text, naming the policy's globs ({@code sources}, may be null) beside large
   * evidence.
   */
  public static void write(Decision decision, Sources sources, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(decision, sources));
  }

  private static Map<String, Object> tree(Decision decision, Sources sources) {
    List<String> roots = decision.roots().stream().map(r -> r.root().toString()).toList();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("verdict", decision.outcome().name());
    root.put("exitCode", decision.outcome().exitCode());
    root.put("stage", decision.stage());
    root.put("lane", decision.lane());
    root.put("commit", decision.build().commit());
    root.put("build", decision.build().buildId());
    root.put(
        "level", decision.isLevelRun() ? decision.level().stream().map(Layer::id).toList() : "all");
    root.put("promotionDecided", !decision.isLevelRun());
    root.put("summary", VerdictLine.of(decision));
    root.put("layers", decision.layers().stream().map(l -> layer(l, roots, sources)).toList());
    root.put(
        "conditions",
        decision.conditions().stream().map(c -> condition(c, roots, sources)).toList());
    root.put("score", decision.score());
    root.put(
        "baseline",
        decision
            .baseline()
            .map(
                b -> {
                  Map<String, Object> baseline = new LinkedHashMap<>();
                  baseline.put("stage", b.stage());
                  baseline.put("commit", b.commit());
                  baseline.put("build", b.buildId());
                  return (Object) baseline;
                })
            .orElse(
                "none: no build promoted to this stage yet; relative conditions answer no-baseline"));
    root.put(
        "quarantined",
        decision.quarantined().stream()
            .map(
                q -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("test", q.testCase().id());
                  entry.put("layer", q.layer().id());
                  entry.put("owner", q.owner());
                  entry.put("reason", q.reason());
                  entry.put("expires", q.expires().toString());
                  entry.put("expired", q.expired());
                  entry.put("file", q.testCase().source().toString());
                  return entry;
                })
            .toList());
    root.put(
        "stamps",
        decision.roots().stream()
            .map(
                r -> {
                  Map<String, Object> stamp = new LinkedHashMap<>();
                  stamp.put("root", r.root().toString());
                  stamp.put("stamped", r.stamp().isPresent());
                  r.stamp()
                      .ifPresent(
                          s -> {
                            stamp.put("commit", s.build().commit());
                            stamp.put("build", s.build().buildId());
                            stamp.put("stampedAt", s.stampedAt().toString());
                            stamp.put("files", s.files());
                          });
                  stamp.put("trusted", r.trusted());
                  return stamp;
                })
            .toList());
    root.put(
        "problems",
        decision.problems().stream()
            .map(p -> Map.of("file", p.file().toString(), "reason", p.reason()))
            .toList());
    if (!decision.endpoints().isEmpty()) {
      root.put("endpoints", EndpointMapJson.tree(decision.endpoints()));
    }
    return root;
  }

  private static Map<String, Object> layer(
      LayerResult result, List<String> roots, Sources sources) {
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
    layer.put("flaky", counts.flaky());
    layer.put("evidence", evidence(evidence.sources(), roots, globs(sources, result.layer().id())));
    layer.put(
        "problems",
        evidence.problems().stream()
            .map(
                p ->
                    Map.of(
                        "file", p.file().toString(),
                        "reason", p.reason(),
                        "missing", p.missing()))
            .toList());
    if (!evidence.pacts().isEmpty()) {
      layer.put(
          "pacts",
          evidence.pacts().stream()
              .map(
                  p -> {
                    Map<String, Object> pact = new LinkedHashMap<>();
                    pact.put("consumer", p.consumer());
                    pact.put("provider", p.provider());
                    pact.put("interactions", p.interactions());
                    pact.put("failed", p.failed());
                    pact.put("report", p.source().toString());
                    return pact;
                  })
              .toList());
    }
    if (!evidence.assertions().isEmpty()) {
      layer.put(
          "assertions",
          evidence.assertions().stream()
              .map(
                  a -> {
                    Map<String, Object> assertion = new LinkedHashMap<>();
                    assertion.put("simulation", a.simulation());
                    assertion.put("description", a.description());
                    assertion.put("expected", a.expected());
                    assertion.put("actual", a.actual());
                    assertion.put("passed", a.passed());
                    assertion.put("report", a.source().toString());
                    return assertion;
                  })
              .toList());
    }
    return layer;
  }

  private static Map<String, Object> condition(
      ConditionResult result, List<String> roots, Sources sources) {
    Map<String, Object> condition = new LinkedHashMap<>();
    condition.put("id", result.id());
    condition.put("layer", result.layerId());
    condition.put("expected", result.expected());
    condition.put("actual", result.actual());
    condition.put("verdict", result.verdict().id());
    condition.put("blocking", result.blocking());
    if (!result.blocking()) {
      condition.put("weight", result.weight());
    }
    condition.put("note", result.note());
    condition.put("items", result.items());
    condition.put("evidence", evidence(result.evidence(), roots, globs(sources, result.layerId())));
    return condition;
  }

  private static Map<String, Object> evidence(
      List<Path> files, List<String> roots, List<String> globs) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("count", files.size());
    evidence.put("roots", roots);
    if (globs != null) {
      evidence.put("globs", globs);
    }
    if (files.size() < LISTED_FILES) {
      evidence.put("files", files.stream().map(Path::toString).toList());
    }
    return evidence;
  }

  /**
   * The policy's globs for a layer id; every layer's for an id that names none; null without a
   * policy.
   */
  private static List<String> globs(Sources sources, String layerId) {
    if (sources == null) {
      return null;
    }
    return Layer.byId(layerId)
        .map(l -> sources.of(l).all())
        .orElseGet(
            () ->
                sources.layers().values().stream()
                    .flatMap(s -> s.all().stream())
                    .distinct()
                    .sorted()
                    .toList());
  }
}
