package dev.pyramid.reporting.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history goes from the store (else the previous report) into the results, and back after
 * generating.
 */
@UnitTest
class ReportHistoryTests {

  @TempDir Path dir;

  @Test
  void should_start_without_history_and_save_the_first_reports() throws Exception {
    ReportHistory history = new ReportHistory(dir.resolve("store"));
    Path report = dir.resolve("report");

    assertThat(history.restore(report, dir.resolve("results"))).isEmpty();
    Files.createDirectories(report.resolve("history"));
    Files.writeString(report.resolve("history/history-trend.json"), "[{\"data\":{}}]");

    assertThat(history.save(report)).isTrue();
    assertThat(dir.resolve("store/history-trend.json")).hasContent("[{\"data\":{}}]");
  }

  @Test
  void should_prefer_the_store_and_fall_back_to_the_previous_report() throws Exception {
    Path report = dir.resolve("report");
    Files.createDirectories(report.resolve("history"));
    Files.writeString(report.resolve("history/history.json"), "from report");
    ReportHistory empty = new ReportHistory(dir.resolve("store"));

    assertThat(empty.restore(report, dir.resolve("results"))).contains(report.resolve("history"));
    assertThat(dir.resolve("results/history/history.json")).hasContent("from report");

    Files.createDirectories(dir.resolve("store"));
    Files.writeString(dir.resolve("store/history.json"), "from store");
    assertThat(empty.restore(report, dir.resolve("results2"))).contains(dir.resolve("store"));
    assertThat(dir.resolve("results2/history/history.json")).hasContent("from store");
  }
}
