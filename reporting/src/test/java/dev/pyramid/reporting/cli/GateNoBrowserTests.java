package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The ui layer where no browser could start ({@code real/ui-no-browser/}, see its HOW.md: the real
 * Failsafe reports of ui-tests run with and without Chromium): its tests never ran, so the layer's
 * evidence is missing and the gate says so, naming the fix; it neither promotes nor calls the code
 * broken. The same tests with a browser promote.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateNoBrowserTests {

  private static final String FIXTURES = "real/ui-no-browser/";

  private static final String POLICY =
      """
      version: 1
      promotion:
        path: [production]
      lanes:
        default:
          stages:
            production:
              require: [ui]
              conditions:
                - { layer: ui, min-tests: 1 }
                - { layer: ui, max-failures: 0 }
      """;

  @TempDir Path work;

  @Test
  void without_a_browser_the_ui_evidence_is_missing_naming_the_package_to_install()
      throws Exception {
    Path root = results("without-browser", "b1");

    String console = ConsoleCapture.capture(() -> assertThat(gate(root, "b1")).isEqualTo(2));

    assertThat(console)
        .contains(
            "missing ui evidence: "
                + root.resolve(
                    "ui-tests/target/failsafe-reports/ui/TEST-dev.pyramid.ui.DashboardJourneyIT.xml")
                + ": 2 test(s) never ran, their browser could not start (first:"
                + " dev.pyramid.ui.DashboardJourneyIT#")
        .contains(
            "no Chromium at /nonexistent/chromium (pyramid.browser.binary): install Debian's"
                + " chromium and chromium-driver (scripts/browser.sh")
        .contains("ui.max-failures")
        .contains("INCOMPLETE: production not decided, evidence missing: ui")
        .doesNotContain("PROMOTE")
        .doesNotContain("BLOCK");
    assertThat(Files.readString(work.resolve("out-b1/decision.md")))
        .contains(
            "TEST-dev.pyramid.ui.DashboardJourneyIT.xml`: evidence missing: 2 test(s) never ran");
  }

  @Test
  void the_same_tests_with_a_browser_promote() throws Exception {
    Path root = results("with-browser", "b2");

    String console = ConsoleCapture.capture(() -> assertThat(gate(root, "b2")).isZero());

    assertThat(console).contains("PROMOTE").doesNotContain("never ran");
  }

  /** A result root holding the run's Failsafe reports where the default ui glob finds them. */
  private Path results(String run, String buildId) throws IOException {
    Path reports =
        Files.createDirectories(
            work.resolve("results-" + run).resolve("ui-tests/target/failsafe-reports/ui"));
    Path from = BuildTree.resource(FIXTURES + run);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, reports.resolve(file.getFileName()));
      }
    }
    Path root = work.resolve("results-" + run);
    runs().stamp(root, buildId);
    return root;
  }

  private int gate(Path root, String buildId) throws IOException {
    return runs().gate("production", root, buildId);
  }

  private GateRuns runs() throws IOException {
    Path policy = work.resolve("quality-gate.yml");
    if (!Files.exists(policy)) {
      Files.writeString(policy, POLICY);
    }
    return new GateRuns(policy, work);
  }
}
