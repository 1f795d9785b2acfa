package dev.pyramid.framework.internal.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records every feature flag evaluation made in this JVM through OpenFeature (an API-level hook, so
 * whichever provider answers), attributed to the tests running at that moment, and writes them per
 * layer to {@code target/pyramid/flag-evaluations/<layer>-<pid>.json}: evidence the gate reads
 * ({@code "pyramid": "flag-evaluations"}, schema version {@value #SCHEMA_VERSION}).
 *
 * <p>An evaluation made while exactly one test runs is that test's ({@code "alone": true}). Under
 * parallel execution several may run; the evaluation is then recorded for each with {@code "alone":
 * false}, and the gate counts it to name who evaluated a flag but not to show that a variant was
 * tested. Tests that set flags hold the flags' write lock and so run alone among those that read
 * them. An evaluation while no test runs (a class's setup) is recorded apart.
 *
 * <p>The layer's file is rewritten whole after each test that evaluated a flag, by a move, so the
 * gate never reads half of one and a JVM that dies keeps what it had recorded. Internal:
 * thread-safe.
 */
public final class EvaluationRecorder {
  /** The schema version the gate reads. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final EvaluationRecorder INSTANCE =
      new EvaluationRecorder(Path.of("target", "pyramid", "flag-evaluations"));

  private final Path folder;
  private final Map<String, TestRecord> running = new LinkedHashMap<>();
  private final Map<String, List<TestRecord>> finished = new LinkedHashMap<>();
  private final Map<String, Map<Key, Integer>> outside = new LinkedHashMap<>();
  private final Map<Key, Integer> beforeAnyTest = new LinkedHashMap<>();
  // Stage flags set for a run before the run was started here (extension order).
  private final Map<String, StageFlagsRun> stageFlagsBeforeStart = new LinkedHashMap<>();
  private String lastLayer;
  private boolean hooked;

  EvaluationRecorder(Path folder) {
    this.folder = folder;
  }

  /** The recorder of this JVM, its hook installed in OpenFeature's API. */
  public static EvaluationRecorder installed() {
    INSTANCE.hook(OpenFeatureAPI.getInstance());
    return INSTANCE;
  }

  synchronized void hook(OpenFeatureAPI api) {
    if (!hooked) {
      api.addHooks(new RecordingHook(this));
      hooked = true;
    }
  }

  /**
   * A test of {@code layer} starts: evaluations from now until {@link #finish} are (also) its.
   *
   * @param uniqueId JUnit's unique id of this run
   * @param test {@code className#methodName}
   * @param display the run's display name, such as {@code [eta-buffer=on]}
   */
  public synchronized void start(String uniqueId, String test, String display, String layer) {
    TestRecord record = new TestRecord(test, display, layer);
    record.stageFlags = stageFlagsBeforeStart.remove(uniqueId);
    running.put(uniqueId, record);
    lastLayer = layer;
    if (!beforeAnyTest.isEmpty()) {
      beforeAnyTest.forEach((key, count) -> outside(layer).merge(key, count, Integer::sum));
      beforeAnyTest.clear();
    }
  }

  /** The running test {@code uniqueId} runs with the flags of {@code stage}'s file. */
  public synchronized void withStageFlags(String uniqueId, String stage, Path file, String sha256) {
    StageFlagsRun run = new StageFlagsRun(stage, file.toString(), sha256);
    TestRecord record = running.get(uniqueId);
    if (record != null) {
      record.stageFlags = run;
    } else {
      stageFlagsBeforeStart.put(uniqueId, run);
    }
  }

  /**
   * The test ended with {@code outcome} ({@code passed}, {@code failed}, {@code skipped}); its
   * layer's file is written when anything in it changed.
   */
  public synchronized void finish(String uniqueId, String outcome) {
    TestRecord record = running.remove(uniqueId);
    if (record == null) {
      return;
    }
    if (record.evaluations.isEmpty() && record.stageFlags == null) {
      return;
    }
    record.outcome = outcome;
    finished.computeIfAbsent(record.layer, layer -> new ArrayList<>()).add(record);
    write(record.layer);
  }

  synchronized void evaluated(Key key) {
    if (running.isEmpty()) {
      if (lastLayer == null) {
        beforeAnyTest.merge(key, 1, Integer::sum);
      } else {
        outside(lastLayer).merge(key, 1, Integer::sum);
      }
      return;
    }
    boolean alone = running.size() == 1;
    for (TestRecord record : running.values()) {
      record.evaluations.merge(key.alone(alone), 1, Integer::sum);
    }
  }

  private Map<Key, Integer> outside(String layer) {
    return outside.computeIfAbsent(layer, l -> new LinkedHashMap<>());
  }

  private void write(String layer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("pyramid", "flag-evaluations");
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("layer", layer);
    ArrayNode tests = root.putArray("tests");
    for (TestRecord record : finished.getOrDefault(layer, List.of())) {
      ObjectNode test = tests.addObject();
      test.put("test", record.test);
      test.put("display", record.display);
      test.put("outcome", record.outcome);
      if (record.stageFlags != null) {
        ObjectNode stage = test.putObject("stageFlags");
        stage.put("stage", record.stageFlags.stage());
        stage.put("file", record.stageFlags.file());
        stage.put("sha256", record.stageFlags.sha256());
      }
      evaluations(test.putArray("evaluations"), record.evaluations, true);
    }
    evaluations(root.putArray("outsideTests"), outside.getOrDefault(layer, Map.of()), false);
    Path file = folder.resolve(layer + "-" + ProcessHandle.current().pid() + ".json");
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, "." + layer, ".partial");
      JSON.writeValue(partial.toFile(), root);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the flag evaluations to " + file, e);
    }
  }

  private static void evaluations(ArrayNode into, Map<Key, Integer> counted, boolean withAlone) {
    counted.forEach(
        (key, count) -> {
          ObjectNode evaluation = into.addObject();
          evaluation.put("flag", key.flag());
          if (key.variant() == null) {
            evaluation.putNull("variant");
          } else {
            evaluation.put("variant", key.variant());
          }
          evaluation.set("value", key.value());
          evaluation.put("reason", key.reason());
          if (key.errorCode() != null) {
            evaluation.put("errorCode", key.errorCode());
          }
          if (withAlone) {
            evaluation.put("alone", key.alone());
          }
          evaluation.put("count", count);
        });
  }

  /** What one evaluation answered; equal evaluations are counted together. */
  record Key(
      String flag, String variant, JsonNode value, String reason, String errorCode, boolean alone) {
    Key alone(boolean isAlone) {
      return new Key(flag, variant, value, reason, errorCode, isAlone);
    }
  }

  private record StageFlagsRun(String stage, String file, String sha256) {}

  private static final class TestRecord {
    final String test;
    final String display;
    final String layer;
    final Map<Key, Integer> evaluations = new LinkedHashMap<>();
    StageFlagsRun stageFlags;
    String outcome;

    TestRecord(String test, String display, String layer) {
      this.test = test;
      this.display = display;
      this.layer = layer;
    }
  }

  /** The hook OpenFeature calls after every evaluation, whatever its outcome. */
  private record RecordingHook(EvaluationRecorder recorder) implements Hook<Object> {
    @Override
    public void finallyAfter(
        HookContext<Object> context,
        FlagEvaluationDetails<Object> details,
        Map<String, Object> hints) {
      recorder.evaluated(
          new Key(
              context.getFlagKey(),
              details.getVariant(),
              json(details.getValue()),
              Objects.toString(details.getReason(), "UNKNOWN"),
              details.getErrorCode() == null ? null : details.getErrorCode().name(),
              true));
    }

    private static JsonNode json(Object value) {
      if (value instanceof Value structured) {
        return JSON.valueToTree(structured.asObject());
      }
      return JSON.valueToTree(value);
    }
  }
}
