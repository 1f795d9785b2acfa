package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class PactReportReaderTests {

  private final PactReportReader reader = new PactReportReader();

  @Test
  void counts_verified_interactions_per_pact() throws Exception {
    assertThat(reader.read(BuildTree.resource(BuildTree.PACT_OK)))
        .singleElement()
        .satisfies(
            pact -> {
              assertThat(pact.consumer()).isEqualTo("api-gateway");
              assertThat(pact.provider()).isEqualTo("fleet-core");
              assertThat(pact.interactions()).isEqualTo(2);
              assertThat(pact.failed()).isZero();
            });
  }

  @Test
  void sums_the_executions_of_a_real_pact_jvm_report_per_consumer() throws Exception {
    // Real Pact JVM 4.7.5 output of this repository's contract-tests: one execution per
    // interaction.
    assertThat(reader.read(BuildTree.resource("real/pact/fleet-core.json")))
        .singleElement()
        .satisfies(
            pact -> {
              assertThat(pact.consumer()).isEqualTo("api-gateway");
              assertThat(pact.provider()).isEqualTo("fleet-core");
              assertThat(pact.interactions()).isEqualTo(5);
              assertThat(pact.failed()).isZero();
            });
  }

  @Test
  void counts_failed_interactions() throws Exception {
    assertThat(reader.read(BuildTree.resource(BuildTree.PACT_FAILED)))
        .singleElement()
        .satisfies(pact -> assertThat(pact.failed()).isEqualTo(1));
  }

  @Test
  void a_truncated_report_is_unreadable(@TempDir Path dir) {
    Path cut = new BuildTree(dir).truncated(BuildTree.PACT_OK, dir, 120);

    assertThatThrownBy(() -> reader.read(cut))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("not valid JSON");
  }
}
