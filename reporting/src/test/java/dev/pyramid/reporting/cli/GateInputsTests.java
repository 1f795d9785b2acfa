package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.stamp.StampCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a gate run reads in the background is read from the paths picocli parsed, afresh for each
 * run.
 */
@UnitTest
class GateInputsTests {

  @TempDir Path dir;

  @Test
  void the_policy_is_the_policy_read_from_that_path_and_each_run_reads_it_afresh()
      throws Exception {
    Path policy = BuildTree.resource(BuildTree.POLICY);

    assertThat(GateInputs.start(policy, List.of()).policy())
        .isEqualTo(new PolicyReader().read(policy));
    Files.writeString(dir.resolve("broken.yml"), "version: 1\nbogus: true\n");
    assertThatThrownBy(() -> GateInputs.start(dir.resolve("broken.yml"), List.of()).policy())
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("bogus");
    Files.writeString(dir.resolve("broken.yml"), "version: 2\n");
    assertThatThrownBy(() -> GateInputs.start(dir.resolve("broken.yml"), List.of()).policy())
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("version");
  }

  @Test
  void each_run_reads_the_policy_file_it_was_given() throws Exception {
    Files.writeString(dir.resolve("a.yml"), "version: 1\nbogus: a\n");
    Files.writeString(dir.resolve("b.yml"), "version: 1\nbogus: b\n");

    assertThatThrownBy(() -> GateInputs.start(dir.resolve("b.yml"), List.of()).policy())
        .hasMessageContaining("b.yml");
    assertThatThrownBy(() -> GateInputs.start(dir.resolve("a.yml"), List.of()).policy())
        .hasMessageContaining("a.yml");
  }

  @Test
  void the_evidence_is_collected_by_the_sources_of_the_policy_given() throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    new BuildTree(results).stagingPasses();
    Path defaults = BuildTree.resource(BuildTree.POLICY);
    Path narrow =
        Files.writeString(
            dir.resolve("narrow.yml"),
            Files.readString(defaults)
                .replace(
                    "unit:\n    junit: [\"**/target/surefire-reports/unit/TEST-*.xml\"]",
                    "unit:\n    junit: [\"nowhere/TEST-*.xml\"]"));
    GateInputs inputs = GateInputs.start(narrow, List.of(results));
    inputs.policy();

    Evidence evidence = inputs.evidence().evidence();

    assertThat(evidence.of(Layer.UNIT).counts().tests()).isZero();
    assertThat(
            new EvidenceCollector()
                .collect(List.of(results))
                .evidence()
                .of(Layer.UNIT)
                .counts()
                .tests())
        .isPositive();
  }

  @Test
  void stamps_are_read_per_root_in_the_order_given() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    new BuildTree(second).stamp();

    GateInputs inputs =
        GateInputs.start(BuildTree.resource(BuildTree.POLICY), List.of(first, second));
    StampCheck.Loaded unstamped = inputs.stamp(0);
    StampCheck.Loaded stamped = inputs.stamp(1);

    assertThat(unstamped.root()).isEqualTo(first);
    assertThat(unstamped.stamp()).isEmpty(); // no stamp there: the check reports it
    assertThat(stamped.root()).isEqualTo(second);
    assertThat(stamped.stamp()).isPresent();
  }
}
