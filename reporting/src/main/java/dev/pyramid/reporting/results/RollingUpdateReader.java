package dev.pyramid.reporting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the e2e journeys' runs during a rolling update, for {@code rolling-update-verified}: each
 * folder {@code target/failsafe-reports/e2e-rolling/<services from the stage>/} holds one run, its
 * {@code rolling-update.json} (written by the framework's e2e fixtures; {@code "pyramid":
 * "rolling-update"}, schema version {@value #SCHEMA_VERSION}) beside the JUnit XML and Failsafe's
 * traces of that run. A file is told by its name: {@code *.json} is the run's description, {@code
 * *.dump} and {@code *.dumpstream} a fork's dump, {@code failsafe-summary.xml} Failsafe's summary,
 * any other file the run's JUnit XML.
 *
 * <p>The journeys' results go into the run ({@link RollingUpdateRun}), never into the layer's test
 * cases: the same journeys run in {@code failsafe-reports/e2e/} as the layer's own tests, and a
 * mixed run counts in none of its totals. For the same reason a test id is unique within its run's
 * folder only ({@link #resultIds}): the two runs' reports, byte for byte alike when every journey
 * was skipped, are no copy of each other.
 *
 * <p>It fails closed ({@link RollingUpdateRuns}): a description not of this format (another {@code
 * pyramid} value, a newer schema, a field missing or of the wrong type, broken JSON) is unreadable
 * evidence naming the file and the field; a run without its description or without results, or
 * whose fork crashed or timed out, is a problem of the layer. Thread-safe: holds no state.
 */
final class RollingUpdateReader implements EvidenceReader<RollingUpdateReader.RunFile> {

  /** The schema version this gate reads. */
  static final int SCHEMA_VERSION = 1;

  /** Where a Pyramid build's runs lie, one folder each. */
  private static final String RUNS = "**/target/failsafe-reports/e2e-rolling/*/";

  private static final JUnitXmlReader JUNIT = new JUnitXmlReader();

  /** One file of a run's folder, read. */
  sealed interface RunFile permits Description, Results, Traced {
    Path file();
  }

  /**
   * A run's {@code rolling-update.json}: what was started, without the results.
   *
   * @param note why the journeys could not run, if the tests say so; empty otherwise
   */
  record Description(
      Path file,
      String stage,
      Optional<RollingUpdateRun.Build> stageBuild,
      String note,
      List<RollingUpdateRun.Service> services)
      implements RunFile {}

  /** A JUnit XML report of a run. */
  record Results(JUnitXmlReader.Report report) implements RunFile {
    @Override
    public Path file() {
      return report.file();
    }
  }

  /** Failsafe's summary or a fork's dump, beside a run's reports. */
  record Traced(SurefireTraceReader.Trace trace) implements RunFile {
    @Override
    public Path file() {
      return trace.file();
    }
  }

  @Override
  public String key() {
    return "rolling-update";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.E2E
        ? List.of(
            RUNS + "rolling-update.json",
            RUNS + "TEST-*.xml",
            RUNS + "failsafe-summary.xml",
            RUNS + "*.dump",
            RUNS + "*.dumpstream")
        : List.of();
  }

  @Override
  public RunFile read(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      return describe(file, Arrays.copyOf(bytes, length));
    }
    if (ForkDump.isDumpName(name)) {
      return new Traced(ForkDump.read(file, bytes, length));
    }
    if (name.equals("failsafe-summary.xml")) {
      return new Traced(FailsafeSummary.read(file, Arrays.copyOf(bytes, length)));
    }
    return new Results(JUNIT.read(file, Arrays.copyOf(bytes, length)));
  }

  /**
   * A report's test ids, each under its run's folder name: unique within one run, as JUnit's are.
   */
  @Override
  public List<String> resultIds(RunFile file) {
    if (!(file instanceof Results results)) {
      return List.of();
    }
    String run = file.file().getParent().getFileName() + "/";
    return results.report().testCases().stream().map(test -> run + test.id()).toList();
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<RunFile> files) {
    if (files.isEmpty()) {
      return;
    }
    RollingUpdateRuns runs = RollingUpdateRuns.of(files, layer.testCases(), layer.problems());
    layer.addRollingUpdates(runs.runs()).addProblems(runs.problems());
  }

  /** Reads the description {@code file} whose content is {@code bytes}. */
  Description describe(Path file, byte[] bytes) throws UnreadableEvidenceException {
    PyramidJson fields =
        new PyramidJson(
            file, key(), SCHEMA_VERSION, "sources.e2e.rolling-update", "the e2e journeys");
    JsonNode root = fields.read(bytes);
    String stage = fields.text(root, "stage");
    JsonNode build = fields.present(root, "stageBuild");
    Optional<RollingUpdateRun.Build> stageBuild =
        build.isNull()
            ? Optional.empty()
            : Optional.of(
                new RollingUpdateRun.Build(
                    fields.text(fields.object(build, "stageBuild"), "stageBuild.commit"),
                    fields.text(build, "stageBuild.buildId")));
    String note = fields.optionalText(root, "note");
    JsonNode services = fields.array(root, "services");
    List<RollingUpdateRun.Service> started = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < services.size(); i++) {
      String where = "services[" + i + "]";
      RollingUpdateRun.Service service =
          service(fields.object(services.get(i), where), where, fields);
      if (!names.add(service.name())) {
        throw fields.wrong(where + ".name", "a service not listed before (one build each)");
      }
      if (service.side() == RollingUpdateRun.Side.STAGE && stageBuild.isEmpty()) {
        throw fields.wrong(
            where + ".build", "\"candidate\" when stageBuild is null (no build at the stage)");
      }
      started.add(service);
    }
    return new Description(file, stage, stageBuild, note, started);
  }

  private static RollingUpdateRun.Service service(
      JsonNode service, String where, PyramidJson fields) throws UnreadableEvidenceException {
    String name = fields.text(service, where + ".name");
    String build = fields.text(service, where + ".build");
    RollingUpdateRun.Side side = null;
    for (RollingUpdateRun.Side each : RollingUpdateRun.Side.values()) {
      if (each.id().equals(build)) {
        side = each;
      }
    }
    if (side == null) {
      throw fields.wrong(where + ".build", "\"stage\" or \"candidate\"");
    }
    JsonNode artifact =
        fields.object(fields.present(service, where + ".artifact"), where + ".artifact");
    return new RollingUpdateRun.Service(
        name,
        side,
        fields.text(artifact, where + ".artifact.path"),
        fields.sha256(artifact, where + ".artifact.sha256"));
  }
}
