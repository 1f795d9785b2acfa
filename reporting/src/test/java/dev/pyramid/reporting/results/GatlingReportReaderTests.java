package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Gatling 3.15.1 run and a hand-made index.html built from its templates (see
 * handmade/README.md).
 */
@UnitTest
class GatlingReportReaderTests {

  private final GatlingReportReader reader = new GatlingReportReader();

  @Test
  void reads_assertions_with_gatling_verdict_expected_and_actual(@TempDir Path dir)
      throws Exception {
    Path run = new BuildTree(dir).gatlingRun("ridebookingsimulation-20251126131500123");

    GatlingReportReader.Run read = reader.read(run);

    assertThat(read.simulation()).isEqualTo("ridebookingsimulation");
    assertThat(read.assertions())
        .extracting(
            PerfAssertion::description,
            PerfAssertion::expected,
            PerfAssertion::actual,
            PerfAssertion::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Global: 95th percentile of response time is less than 800",
                "is less than 800",
                "41",
                true),
            org.assertj.core.groups.Tuple.tuple(
                "Global: percentage of failed events is less than or equal to 1",
                "is less than or equal to 1",
                "2",
                false));
  }

  @Test
  void reads_a_real_gatling_3_15_1_run_of_this_repository() throws Exception {
    // Real output of perf-tests (RideBookingSimulation), index.html only.
    Path run = BuildTree.resource("real/gatling/ridebookingsimulation-20261126132018996");

    GatlingReportReader.Run read = reader.read(run);

    assertThat(read.assertions())
        .extracting(PerfAssertion::description, PerfAssertion::actual, PerfAssertion::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Global: 95th percentile of response time is less than 500.0", "22", true),
            org.assertj.core.groups.Tuple.tuple(
                "Global: percentage of failed events is less than 1.0", "0", true),
            org.assertj.core.groups.Tuple.tuple(
                "book a ride: 95th percentile of response time is less than 500.0", "34", true));
    assertThat(read.requests())
        .extracting(RequestStats::name)
        .contains("All Requests", "book a ride");
  }

  @Test
  void reads_request_statistics_rows(@TempDir Path dir) throws Exception {
    Path run = new BuildTree(dir).gatlingRun("ridebookingsimulation-20251126131500123");

    assertThat(reader.read(run).requests())
        .extracting(RequestStats::name, RequestStats::total, RequestStats::ok, RequestStats::ko)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("All Requests", 400L, 392L, 8L),
            org.assertj.core.groups.Tuple.tuple("nearest vehicle", 400L, 392L, 8L));
    assertThat(reader.read(run).requests().get(1).responseTimesMs())
        .containsEntry("95th pct", 41.0)
        .containsEntry("Std Dev", 14.0);
  }

  @Test
  void a_crashed_run_with_only_simulation_log_is_unreadable(@TempDir Path dir) throws Exception {
    Path run = Files.createDirectories(dir.resolve("ridebookingsimulation-20251126131500123"));
    Files.write(run.resolve("simulation.log"), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> reader.read(run))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("no index.html (simulation.log only)");
  }

  @Test
  void a_cut_off_index_html_is_unreadable(@TempDir Path dir) throws Exception {
    Path run = new BuildTree(dir).gatlingRun("ridebookingsimulation-20251126131500123");
    String html = Files.readString(run.resolve("index.html"));
    Files.writeString(
        run.resolve("index.html"), html.substring(0, html.indexOf("container_statistics_body")));

    assertThatThrownBy(() -> reader.read(run)).isInstanceOf(UnreadableEvidenceException.class);
  }
}
