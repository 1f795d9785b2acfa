package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class EvidenceCollectorTests {

  private final EvidenceCollector collector = new EvidenceCollector();

  @Test
  void finds_unit_reports_one_and_two_modules_deep_and_sums_them(@TempDir Path root) {
    BuildTree tree = new BuildTree(root);
    Path oneDeep = tree.unit("framework", BuildTree.REAL_PASSING);
    Path twoDeep = tree.unit("platform/fleet-core", BuildTree.REAL_MIXED);

    LayerEvidence unit = collector.collect(List.of(root)).evidence().of(Layer.UNIT);

    assertThat(unit.sources()).containsExactlyInAnyOrder(oneDeep, twoDeep);
    assertThat(unit.counts()).isEqualTo(new Counts(10, 7, 1, 1, 1));
  }

  @Test
  void sorts_reports_into_layers_by_where_they_lie(@TempDir Path root) {
    BuildTree tree = new BuildTree(root).stagingPasses();
    tree.gatlingRun("ridebookingsimulation-20251126131500123");

    Evidence evidence = collector.collect(List.of(root)).evidence();

    assertThat(evidence.of(Layer.CONTRACT).pacts()).hasSize(1);
    assertThat(evidence.of(Layer.CONTRACT).counts().tests()).isEqualTo(7);
    assertThat(evidence.of(Layer.E2E).counts().tests()).isEqualTo(5);
    assertThat(evidence.of(Layer.PERF).assertions()).hasSize(2);
  }

  @Test
  void does_not_search_node_modules(@TempDir Path root) {
    new BuildTree(root).unit("ui/node_modules/some-lib", BuildTree.REAL_PASSING);

    assertThat(collector.collect(List.of(root)).evidence().of(Layer.UNIT).sources()).isEmpty();
  }

  @Test
  void does_not_count_another_builds_results_copied_into_a_build_folder_or_pyramids_own(
      @TempDir Path root) {
    BuildTree tree = new BuildTree(root);
    Path own = tree.unit("maven-plugin", BuildTree.REAL_PASSING);
    // maven-invoker-plugin's copy of a test project, built inside this module's target/
    Path invoked = tree.unit("maven-plugin/target/it/stamp-and-gate", BuildTree.REAL_MIXED);
    tree.unit(".pyramid/compatibility-proof/a-change/sources/framework", BuildTree.REAL_MIXED);

    assertThat(collector.collect(List.of(root)).evidence().of(Layer.UNIT).sources())
        .containsExactly(own);
    // The invoked build's own gate, rooted in its folder, counts its results.
    assertThat(
            collector
                .collect(List.of(root.resolve("maven-plugin/target/it/stamp-and-gate")))
                .evidence()
                .of(Layer.UNIT)
                .sources())
        .containsExactly(invoked);
  }

  @Test
  void reads_only_the_newest_run_of_a_simulation(@TempDir Path root) {
    BuildTree tree = new BuildTree(root);
    tree.gatlingRun("ridebookingsimulation-20251126120000000");
    Path newest = tree.gatlingRun("ridebookingsimulation-20251126131500123");

    assertThat(collector.collect(List.of(root)).evidence().of(Layer.PERF).sources())
        .containsExactly(newest);
  }

  @Test
  void merges_several_result_roots(@TempDir Path root) {
    new BuildTree(root.resolve("shard-1")).unit("framework", BuildTree.REAL_PASSING);
    new BuildTree(root.resolve("shard-2")).unit("framework", BuildTree.REAL_PASSING_2);

    LayerEvidence unit =
        collector
            .collect(List.of(root.resolve("shard-1"), root.resolve("shard-2")))
            .evidence()
            .of(Layer.UNIT);

    assertThat(unit.counts().tests()).isEqualTo(12);
  }
}
