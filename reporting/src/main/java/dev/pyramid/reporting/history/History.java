package dev.pyramid.reporting.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.LayerResult;
import dev.pyramid.reporting.decision.Outcome;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.BaselineTests;
import dev.pyramid.reporting.results.ExecutedTests;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.PerfMetrics;
import dev.pyramid.reporting.results.TestCase;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON-lines history file: one {@code "type":"decision"} line per gate decision, one {@code
 * "type":"promotion"} line per {@code pyramid promote}, one {@code "type":"rollback"} line per
 * {@code pyramid rollback}, one {@code "type":"delivery"} line per flag change {@code pyramid
 * deliver} records at a stage: deployments and deliveries on one timeline.
 *
 * <p>Safe under concurrent writers, threads and processes alike: each append takes an exclusive
 * {@link FileLock} on the file (processes) inside a per-file monitor (threads of one JVM, for which
 * file locks are not reentrant) and writes its whole line at the file's end while it holds the
 * lock, so no line is lost or torn. Reading refuses a line that is not JSON, naming its number.
 */
public final class History {

  /** The key of a decision line naming, by layer, the ids of the tests that failed or errored. */
  public static final String FAILED_TESTS = "failedTests";

  /**
   * The key of a decision line naming, by layer, the ids of the tests that passed only when rerun
   * (flaky within the run).
   */
  public static final String RERUN_FLAKY_TESTS = "rerunFlakyTests";

  /**
   * The key of a decision line naming the blocking conditions that failed (the non-blocking ones
   * that failed are under {@code failedWeighted}).
   */
  public static final String FAILED_CONDITIONS = "failedConditions";

  /** The key of a decision line naming the tests it executed in {@link ExecutedTestsStore}. */
  public static final String EXECUTED_TESTS = "executedTests";

  /**
   * The shape of the lines this version writes, in each line's {@code "schema"}; a line without one
   * is of shape 1. Shape 2 adds to decisions the commit's time, the conditions that failed and the
   * tests that failed, what {@code pyramid metrics} and {@code pyramid flaky} read.
   */
  public static final int SCHEMA = 2;

  /**
   * At most this many failed tests are named in one decision line: a build that fails more is
   * broken, not flaky, and its line says how many it left out ({@code failedTestsOmitted}).
   */
  static final int MAX_FAILED_TESTS_NAMED = 1000;

  /**
   * The key of a decision line holding, by registered flag, the variants passing tests of the
   * stage's layers exercised ({@code pyramid deliver} holds a stage's flag changes to them).
   */
  static final String FLAG_VARIANTS_TESTED = "flagVariantsTested";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path file;
  private final ExecutedTestsStore executedTests;
  private final DeployedStore deployed;

  public History(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.executedTests = new ExecutedTestsStore(this.file);
    this.deployed = new DeployedStore(this.file);
  }

  /** What the stages run: the files kept of each promoted build. */
  public DeployedStore deployed() {
    return deployed;
  }

  /** The history file. */
  public Path file() {
    return file;
  }

  /**
   * A folder beside {@code historyFile} named after it: {@code history.jsonl} with {@code .tests}
   * is {@code history.tests}. Where the history keeps what its lines refer to.
   */
  static Path beside(Path historyFile, String suffix) {
    String name = historyFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return historyFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
  }

  /** Where the executed tests of the builds that may become a baseline are kept. */
  public ExecutedTestsStore executedTests() {
    return executedTests;
  }

  /**
   * Appends the line of {@code decision}. A decision that a promotion may follow (a whole stage's
   * PROMOTE or MANUAL_APPROVAL) also keeps the tests the build executed, which {@code
   * max-vanished-tests} compares later builds with once it is promoted; what no comparison can need
   * any more is then deleted.
   */
  public void record(Decision decision, Instant at) throws IOException {
    record(decision, at, Optional.empty(), Optional.empty());
  }

  /**
   * Records {@code decision} as {@link #record(Decision, Instant)} does, with the time of its
   * commit when known (lead times are measured from it) and the flag variants its layers' passing
   * tests exercised, when the policy names a flag registry.
   */
  public void record(
      Decision decision,
      Instant at,
      Optional<Instant> committedAt,
      Optional<Map<String, Set<String>>> flagVariantsTested)
      throws IOException {
    ObjectNode line = decisionLine(decision, at);
    committedAt.ifPresent(time -> line.put("committedAt", time.toString()));
    if (!decision.isLevelRun()) {
      flagVariantsTested.ifPresent(
          tested -> {
            ObjectNode flags = line.putObject(FLAG_VARIANTS_TESTED);
            tested.forEach((flag, variants) -> variants.forEach(flags.putArray(flag)::add));
          });
    }
    // Every whole-stage decision keeps what its build executed: a promotable one for later
    // baselines, any for the flip rates of `pyramid flaky` (builds of one code share one file).
    ExecutedTests executed =
        ExecutedTests.of(decision.layers().stream().map(LayerResult::evidence).toList());
    boolean keepsTests = !decision.isLevelRun() && executed.size() > 0;
    if (keepsTests) {
      line.put(EXECUTED_TESTS, executedTests.save(executed));
    }
    append(line);
    if (keepsTests) {
      executedTests.prune(read(), at);
    }
  }

  /** Appends {@code line} (one JSON object) as one line. */
  public void append(ObjectNode line) throws IOException {
    append(line, null);
  }

  /**
   * Appends {@code line}, a promotion or a rollback ({@link #promotionLine}, {@link
   * #rollbackLine}), then, still holding the lock, points its stage at the build the history now
   * says it runs ({@link DeployedStore#point}): of two runs changing one stage, the one whose line
   * comes last also writes the pointer last.
   */
  public void appendStageChange(ObjectNode line) throws IOException {
    String stage = line.path("stage").asText();
    String by = "rollback".equals(line.path("type").asText()) ? "rollback" : "promote";
    Instant since = Instant.parse(line.path("time").asText());
    append(line, lines -> deployed.point(stage, running(lines, stage), by, since));
  }

  /** What runs under the history's lock once a line is appended, given every line. */
  private interface WhileLocked {
    void run(List<JsonNode> lines) throws IOException;
  }

  /**
   * Appends {@code line} at the end under the lock, then runs {@code then} (if any) on the history
   * read back through the same channel: another channel of this process on the file, once closed,
   * would release the lock (POSIX record locks are per process and file).
   */
  private void append(ObjectNode line, WhileLocked then) throws IOException {
    byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    underLock(
        channel -> {
          write(channel, bytes, channel.size());
          if (then != null) {
            then.run(parse(new String(readAll(channel), StandardCharsets.UTF_8).lines().toList()));
          }
          return null;
        });
  }

  /** What runs on the history's channel while its lock is held. */
  private interface Locked<T> {
    T run(FileChannel channel) throws IOException;
  }

  /**
   * Runs {@code action} on a channel of the file under its lock: the file lock for other processes,
   * inside a monitor for this JVM's threads (file locks are per process, not reentrant).
   */
  @SuppressWarnings("try") // the file lock is held by the try block alone: other gate runs wait
  private <T> T underLock(Locked<T> action) throws IOException {
    Files.createDirectories(file.getParent());
    synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        return action.run(channel);
      }
    }
  }

  /** The whole file, read through {@code channel}. */
  private static byte[] readAll(FileChannel channel) throws IOException {
    ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
      // reads on until the buffer holds the whole file
    }
    return all.array();
  }

  /** Writes {@code bytes} at {@code at} and forces them to the disk. */
  private static void write(FileChannel channel, byte[] bytes, long at) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long end = at;
    while (buffer.hasRemaining()) {
      end += channel.write(buffer, end);
    }
    channel.force(false);
  }

  /**
   * Compacts the lines older than {@code before}, keeping the lines as they were in an archive
   * beside the history ({@link HistoryCompaction} says what each line keeps, and how).
   */
  public HistoryCompaction.Compacted compact(Instant before) throws IOException {
    return HistoryCompaction.run(this, before);
  }

  /** The new content of a rewritten history, and what the rewrite reports. */
  record Rewritten<T>(byte[] content, T result) {}

  /** A rewrite of the whole history: from its bytes and its lines, what replaces them. */
  interface Rewrite<T> {
    Rewritten<T> apply(byte[] original, List<JsonNode> lines) throws IOException;
  }

  /**
   * Rewrites the file in place under its lock (not a new file moved over it: a gate waiting on the
   * lock of the old file would append to a file nobody reads).
   */
  <T> T rewrite(Rewrite<T> rewrite) throws IOException {
    return underLock(
        channel -> {
          byte[] original = readAll(channel);
          Rewritten<T> done =
              rewrite.apply(
                  original, parse(new String(original, StandardCharsets.UTF_8).lines().toList()));
          channel.truncate(0);
          write(channel, done.content(), 0);
          return done.result();
        });
  }

  /** Every line, oldest first; none when the file does not exist. */
  public List<JsonNode> read() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The entries of the history's {@code lines}; a line that is not one is refused by number. */
  private List<JsonNode> parse(List<String> text) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    int number = 0;
    for (String line : text) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject() || !node.has("type")) {
          throw new IOException(file + ":" + number + ": not a history entry");
        }
        lines.add(node);
      } catch (JacksonException e) {
        throw new IOException(
            file + ":" + number + ": not JSON (" + e.getOriginalMessage() + ")", e);
      }
    }
    return lines;
  }

  /** The history line for {@code decision}, with its performance figures for later baselines. */
  public static ObjectNode decisionLine(Decision decision, Instant at) {
    ObjectNode line = JSON.createObjectNode();
    line.put("type", "decision");
    line.put("schema", SCHEMA);
    line.put("time", at.toString());
    line.put("stage", decision.stage());
    line.put("lane", decision.lane());
    line.put("commit", decision.build().commit());
    line.put("buildId", decision.build().buildId());
    line.put("verdict", decision.outcome().name());
    line.put("levelRun", decision.isLevelRun());
    if (decision.score() != null) {
      line.put("score", decision.score());
    }
    for (ConditionResult condition : decision.conditions()) {
      if (condition.verdict() == Verdict.FAIL) {
        String key = condition.blocking() ? FAILED_CONDITIONS : "failedWeighted";
        (line.has(key) ? (ArrayNode) line.get(key) : line.putArray(key)).add(condition.id());
      }
    }
    ObjectNode failed = JSON.createObjectNode();
    ObjectNode rerunFlaky = JSON.createObjectNode();
    int named = 0;
    for (LayerResult layer : decision.layers()) {
      String id = layer.layer().id();
      for (TestCase test : layer.evidence().testCases()) {
        if (test.isFailure() && named++ < MAX_FAILED_TESTS_NAMED) {
          (failed.has(id) ? (ArrayNode) failed.get(id) : failed.putArray(id)).add(test.id());
        } else if (test.flaky() && !test.isFailure()) {
          (rerunFlaky.has(id) ? (ArrayNode) rerunFlaky.get(id) : rerunFlaky.putArray(id))
              .add(test.id());
        }
      }
    }
    if (!failed.isEmpty()) {
      line.set(FAILED_TESTS, failed);
    }
    if (!rerunFlaky.isEmpty()) {
      line.set(RERUN_FLAKY_TESTS, rerunFlaky);
    }
    if (named > MAX_FAILED_TESTS_NAMED) {
      line.put("failedTestsOmitted", named - MAX_FAILED_TESTS_NAMED);
    }
    decision.layers().stream()
        .filter(l -> l.layer() == Layer.PERF)
        .findFirst()
        .ifPresent(
            perf -> line.set("perf", JSON.valueToTree(PerfMetrics.of(perf.evidence().requests()))));
    return line;
  }

  /** The history line recording that {@code build} reached {@code stage}. */
  public static ObjectNode promotionLine(
      String stage, String lane, BuildIdentity build, String approvedBy, Instant at) {
    ObjectNode line = JSON.createObjectNode();
    line.put("type", "promotion");
    line.put("schema", SCHEMA);
    line.put("time", at.toString());
    line.put("stage", stage);
    line.put("lane", lane);
    line.put("commit", build.commit());
    line.put("buildId", build.buildId());
    if (approvedBy != null) {
      line.put("approvedBy", approvedBy);
    }
    return line;
  }

  /** The latest decision for {@code build} and {@code stage} (whole-stage runs only). */
  public static Optional<JsonNode> lastDecision(
      List<JsonNode> lines, BuildIdentity build, String stage) {
    JsonNode found = null;
    for (JsonNode line : lines) {
      if ("decision".equals(line.path("type").asText())
          && stage.equals(line.path("stage").asText())
          && matches(line, build)
          && !line.path("levelRun").asBoolean()) {
        found = line;
      }
    }
    return Optional.ofNullable(found);
  }

  /** True when {@code build} was promoted to {@code stage}. */
  public static boolean promoted(List<JsonNode> lines, BuildIdentity build, String stage) {
    return lines.stream()
        .anyMatch(
            line ->
                "promotion".equals(line.path("type").asText())
                    && stage.equals(line.path("stage").asText())
                    && matches(line, build));
  }

  /**
   * The baseline of {@code stage}: the build it runs (the last promoted to it, less rollbacks),
   * with the performance figures of that build's latest decision that recorded them, the tests of
   * its latest decision that kept them, and the files {@code pyramid promote} kept of it. Empty
   * when no build was promoted to it yet.
   *
   * @throws IOException when a line names its tests wrongly
   */
  public Optional<Baseline> baseline(List<JsonNode> lines, String stage) throws IOException {
    Optional<BuildIdentity> running = running(lines, stage);
    if (running.isEmpty()) {
      return Optional.empty();
    }
    BuildIdentity build = running.get();
    Optional<JsonNode> withTests = baselineDecision(lines, stage);
    BaselineTests tests =
        withTests.isEmpty()
            ? BaselineTests.NOT_RECORDED
            : executedTests.locate(withTests.get().get(EXECUTED_TESTS).asText());
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    for (JsonNode line : lines) {
      if ("decision".equals(line.path("type").asText())
          && matches(line, build)
          && line.has("perf")) {
        metrics.clear();
        line.get("perf")
            .properties()
            .forEach(
                request -> {
                  Map<String, Double> values = new LinkedHashMap<>();
                  request
                      .getValue()
                      .properties()
                      .forEach(m -> values.put(m.getKey(), m.getValue().asDouble()));
                  metrics.put(request.getKey(), values);
                });
      }
    }
    List<Baseline.KeptFile> kept = new ArrayList<>();
    for (DeployedStore.Kept file : deployed.kept(build).orElse(List.of())) {
      kept.add(
          new Baseline.KeptFile(
              file.kind(), file.path(), file.sha256(), deployed.file(build, file)));
    }
    return Optional.of(new Baseline(stage, build.commit(), build.buildId(), metrics, tests, kept));
  }

  /**
   * The builds {@code stage} ran, oldest first: each promotion to it adds its build, each rollback
   * of it takes the last one off. The last is what the stage runs now.
   */
  public static List<BuildIdentity> ranAt(List<JsonNode> lines, String stage) {
    List<BuildIdentity> builds = new ArrayList<>();
    for (JsonNode line : lines) {
      if (!stage.equals(line.path("stage").asText())) {
        continue;
      }
      String type = line.path("type").asText();
      if ("promotion".equals(type)) {
        builds.add(identity(line));
      } else if ("rollback".equals(type) && !builds.isEmpty()) {
        builds.remove(builds.size() - 1);
      }
    }
    return builds;
  }

  /**
   * The builds {@code stage} may run again, oldest first: the one it runs and those a rollback may
   * return to (the last {@link ExecutedTestsStore#ROLLBACK_DEPTH} it ran). What each build keeps
   * beside the history (tests, files, whole decision lines) is kept for these.
   */
  static List<BuildIdentity> mayRunAgain(List<JsonNode> lines, String stage) {
    List<BuildIdentity> ran = ranAt(lines, stage);
    return ran.subList(Math.max(0, ran.size() - ExecutedTestsStore.ROLLBACK_DEPTH), ran.size());
  }

  /** The build {@code stage} runs now: its last promotion, less its rollbacks. */
  public static Optional<BuildIdentity> running(List<JsonNode> lines, String stage) {
    List<BuildIdentity> builds = ranAt(lines, stage);
    return builds.isEmpty() ? Optional.empty() : Optional.of(builds.get(builds.size() - 1));
  }

  /**
   * The history line recording that {@code stage} was rolled back from {@code from} to {@code to}.
   */
  public static ObjectNode rollbackLine(
      String stage, BuildIdentity from, BuildIdentity to, String approvedBy, Instant at) {
    ObjectNode line = JSON.createObjectNode();
    line.put("type", "rollback");
    line.put("schema", SCHEMA);
    line.put("time", at.toString());
    line.put("stage", stage);
    line.put("commit", from.commit());
    line.put("buildId", from.buildId());
    line.put("toCommit", to.commit());
    line.put("toBuildId", to.buildId());
    if (approvedBy != null) {
      line.put("approvedBy", approvedBy);
    }
    return line;
  }

  private static BuildIdentity identity(JsonNode line) {
    return new BuildIdentity(line.path("commit").asText(), line.path("buildId").asText());
  }

  /**
   * The latest decision that kept the executed tests of the build {@code stage} runs: its
   * baseline's tests. Empty when none did.
   */
  static Optional<JsonNode> baselineDecision(List<JsonNode> lines, String stage) {
    return running(lines, stage).flatMap(build -> keptTestsDecision(lines, build));
  }

  /**
   * The latest promotable decision of {@code build} that kept its executed tests: the tests it was
   * promoted on.
   */
  static Optional<JsonNode> keptTestsDecision(List<JsonNode> lines, BuildIdentity build) {
    JsonNode found = null;
    for (JsonNode line : lines) {
      if ("decision".equals(line.path("type").asText())
          && matches(line, build)
          && line.has(EXECUTED_TESTS)
          && promotable(line, true)) {
        found = line;
      }
    }
    return Optional.ofNullable(found);
  }

  /** True when the line is about {@code build}. */
  public static boolean matches(JsonNode line, BuildIdentity build) {
    return build.commit().equals(line.path("commit").asText())
        && build.buildId().equals(line.path("buildId").asText());
  }

  /** A verdict that a promotion may follow: PROMOTE, or MANUAL_APPROVAL with an approver. */
  public static boolean promotable(JsonNode decision, boolean approved) {
    String verdict = decision.path("verdict").asText();
    return Outcome.PROMOTE.name().equals(verdict)
        || approved && Outcome.MANUAL_APPROVAL.name().equals(verdict);
  }
}
