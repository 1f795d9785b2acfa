package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Surefire and Failsafe 3.5.4 leave beside their XML (failsafe-summary.xml, .dump and
 * .dumpstream files), on real runs: crashed ones are INCOMPLETE naming the file, ordinary ones
 * (green, failing, flaky, no tests at all, native stdout, a debugger...) are no problem.
 */
@UnitTest
class SurefireTracesTests {

  /** Each run folder's reports folder, read as one layer's evidence. */
  private static final Sources RUN =
      new Sources(
          Map.of(
              Layer.E2E,
              Sources.LayerSources.NONE
                  .with("junit", List.of("*-reports/TEST-*.xml"))
                  .with(
                      "surefire-traces",
                      List.of(
                          "*-reports/failsafe-summary.xml",
                          "*-reports/*.dump",
                          "*-reports/*.dumpstream"))));

  @TempDir Path dir;

  /**
   * Every real/.../expected.properties that says what the gate makes of its traces ({@code
   * traces=ok}: trace files, none a problem; {@code traces=none}: no trace file; {@code
   * trace.<file>=<words>}: a problem of that file saying those words), with the counts of the
   * runner's own closing summary.
   */
  @Test
  void every_real_run_s_traces_are_what_the_run_was() throws Exception {
    Path real = BuildTree.resource("real");
    List<String> checked = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    for (Path file : expectations(real)) {
      Properties expected = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        expected.load(in);
      }
      Map<String, String> traces = new TreeMap<>();
      expected.stringPropertyNames().stream()
          .filter(key -> key.startsWith("trace."))
          .forEach(key -> traces.put(key.substring("trace.".length()), expected.getProperty(key)));
      String outcome = expected.getProperty("traces");
      if (outcome == null && traces.isEmpty()) {
        continue;
      }
      Path run = file.getParent();
      String name = real.relativize(run).toString();
      checked.add(name);
      LayerEvidence layer =
          new EvidenceCollector().collect(List.of(run), RUN).evidence().of(Layer.E2E);

      Counts counts = layer.counts();
      Counts said =
          new Counts(
              count(expected, "tests"),
              count(expected, "passed"),
              count(expected, "failed"),
              count(expected, "errored"),
              count(expected, "skipped"),
              count(expected, "flaky"));
      if (!counts.equals(said)) {
        mismatches.add(name + ": read " + counts + ", the runner said " + said);
      }
      long traceFiles = layer.sources().stream().filter(SurefireTracesTests::isTrace).count();
      if (traces.isEmpty()) {
        if (!layer.problems().isEmpty()) {
          mismatches.add(name + ": an ordinary run, yet " + layer.problems());
        }
        if (outcome.equals("ok") != (traceFiles > 0)) {
          mismatches.add(name + ": traces=" + outcome + " but " + traceFiles + " trace files read");
        }
        continue;
      }
      Map<String, String> found = new TreeMap<>();
      layer.problems().forEach(p -> found.put(p.file().getFileName().toString(), p.reason()));
      if (!found.keySet().equals(traces.keySet())) {
        mismatches.add(name + ": problems of " + found.keySet() + ", expected " + traces.keySet());
      }
      traces.forEach(
          (trace, words) -> {
            String reason = found.getOrDefault(trace, "");
            if (!reason.contains(words)) {
              mismatches.add(
                  name + ": " + trace + " says \"" + reason + "\", not \"" + words + "\"");
            }
          });
    }
    System.out.println("surefire traces checked: " + checked);
    assertThat(mismatches).isEmpty();
    assertThat(checked)
        .contains(
            "surefire-crashed-fork/baseline",
            "surefire-crashed-fork/crashed-oom",
            "surefire-crashed-fork/failsafe-baseline",
            "surefire-crashed-fork/failsafe-crashed-exit",
            "failsafe-rerun-summary/failing",
            "failsafe-rerun-summary/flaky-passed",
            "surefire-traces/native-stdout",
            "surefire-traces/verbose-gc",
            "surefire-traces/debug",
            "surefire-traces/hang-exit",
            "surefire-traces/crashed-sigsegv",
            "surefire-traces/failsafe-shapes",
            "surefire-traces/failsafe-timeout",
            "surefire-traces/failsafe-two-executions",
            "surefire-traces/failsafe-two-executions-overlapping",
            "surefire-traces/failsafe-no-tests-in-group",
            "surefire-traces/failsafe-skipits",
            "surefire-traces/failsafe-no-specified-test");
  }

  @Test
  void the_default_globs_find_the_traces_beside_each_layer_s_xml() throws Exception {
    Path real = BuildTree.resource("real");
    copy(
        real.resolve("surefire-traces/crashed-sigsegv/surefire-reports"),
        dir.resolve("core/target/surefire-reports/unit"));
    copy(
        real.resolve("surefire-traces/native-stdout/surefire-reports"),
        dir.resolve("gateway/target/surefire-reports/unit"));
    copy(
        real.resolve("surefire-crashed-fork/failsafe-crashed-exit/failsafe-reports"),
        dir.resolve("core/target/failsafe-reports/e2e"));

    Evidence evidence = new EvidenceCollector().collect(List.of(dir)).evidence();

    assertThat(evidence.of(Layer.UNIT).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file().toString())
                  .startsWith(dir.resolve("core").toString())
                  .endsWith("jvmRun1.dumpstream");
              assertThat(problem.reason())
                  .contains("# A fatal error has been detected by the Java Runtime Environment:")
                  .contains("Rerun");
            });
    assertThat(evidence.of(Layer.UNIT).sources())
        .as("a benign trace is still listed")
        .anyMatch(source -> source.startsWith(dir.resolve("gateway")) && isTrace(source));
    assertThat(evidence.of(Layer.E2E).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file().getFileName()).hasToString("failsafe-summary.xml");
              assertThat(problem.reason())
                  .contains("The forked VM terminated without properly saying goodbye")
                  .contains("crashed tests: sample.BravoTests");
            });
  }

  @Test
  void a_dump_the_gate_has_never_seen_tells_of_a_crash() throws Exception {
    assertThat(dump("x-jvmRun1.dump", "# Created at 2026-01-01T00:00:00.000\nsomething new\n"))
        .isEqualTo("something new");
    assertThat(dump("x-jvmRun1.dump", "")).contains("empty");
    assertThat(
            dump(
                "x-jvmRun1.dumpstream",
                "# Created at 2026-01-01T00:00:00.000\nSurefire is going to kill self fork JVM. The"
                    + " exit has elapsed 30 seconds after System.exit(1).\n"))
        .contains("System.exit(1)");
  }

  @Test
  void a_summary_with_a_result_failsafe_never_writes_is_unreadable() throws Exception {
    Path summary =
        Files.writeString(
            dir.resolve("failsafe-summary.xml"),
            """
            <failsafe-summary result="0" timeout="false">
              <completed>1</completed><errors>0</errors><failures>0</failures>
              <skipped>0</skipped><flakes>0</flakes>
            </failsafe-summary>
            """);

    assertThatThrownBy(
            () ->
                new SurefireTraceReader()
                    .read(summary, Files.readAllBytes(summary), (int) Files.size(summary)))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("result=\"0\"");
  }

  /** The crash a dump file named {@code name} holding {@code text} tells of; "" when none. */
  private String dump(String name, String text) throws Exception {
    Path file = Files.writeString(dir.resolve(name), text);
    byte[] bytes = Files.readAllBytes(file);
    SurefireTraceReader.Trace trace = new SurefireTraceReader().read(file, bytes, bytes.length);
    return ((ForkDump) trace).crash().orElse("");
  }

  private static boolean isTrace(Path source) {
    String name = source.getFileName().toString();
    return ForkDump.isDumpName(name) || name.equals("failsafe-summary.xml");
  }

  private static List<Path> expectations(Path real) throws IOException {
    try (Stream<Path> files = Files.walk(real)) {
      return files
          .filter(f -> f.getFileName().toString().equals("expected.properties"))
          .sorted()
          .toList();
    }
  }

  private static int count(Properties expected, String key) {
    return Integer.parseInt(expected.getProperty(key, "0").strip());
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
