package dev.pyramid.reporting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged history is read as far as it can be, each line left out named with why. */
@UnitTest
class HistoryScanTests {

  @TempDir Path dir;

  private static String promotion(String time, String build) {
    return "{\"type\":\"promotion\",\"schema\":2,\"time\":\""
        + time
        + "\",\"stage\":\"staging\",\"lane\":\"default\",\"commit\":\"c0ffee\",\"buildId\":\""
        + build
        + "\"}";
  }

  private ScannedHistory scan(String text) throws Exception {
    return HistoryScan.scan(Files.writeString(dir.resolve("history.jsonl"), text));
  }

  @Test
  void a_whole_history_is_read_whole() throws Exception {
    ScannedHistory scanned =
        scan(
            promotion("2026-11-02T10:00:00Z", "b1")
                + "\n\n"
                + promotion("2026-11-02T11:00:00Z", "b2")
                + "\n");

    assertThat(scanned.isPartial()).isFalse();
    assertThat(scanned.entries()).extracting(HistoryEntry::line).containsExactly(1, 3);
  }

  @Test
  void a_torn_last_line_is_left_out_and_named() throws Exception {
    ScannedHistory scanned =
        scan(promotion("2026-11-02T10:00:00Z", "b1") + "\n{\"type\":\"promotion\",\"ti");

    assertThat(scanned.entries()).hasSize(1);
    assertThat(scanned.leftOut())
        .singleElement()
        .satisfies(
            left -> {
              assertThat(left.line()).isEqualTo(2);
              assertThat(left.message())
                  .startsWith(dir.resolve("history.jsonl") + ":2: the last line is torn")
                  .contains("delete it");
            });
  }

  @Test
  void a_broken_line_inside_the_file_is_not_called_torn() throws Exception {
    ScannedHistory scanned =
        scan(
            promotion("2026-11-02T10:00:00Z", "b1")
                + "\n{oops\n"
                + promotion("2026-11-02T11:00:00Z", "b2")
                + "\n");

    assertThat(scanned.entries()).hasSize(2);
    assertThat(scanned.leftOut())
        .singleElement()
        .satisfies(
            left -> {
              assertThat(left.line()).isEqualTo(2);
              assertThat(left.message()).contains(":2: not JSON").doesNotContain("torn");
            });
  }

  @Test
  void a_line_of_a_newer_schema_is_left_out_and_says_which_version_reads_it() throws Exception {
    ScannedHistory scanned =
        scan(
            promotion("2026-11-02T10:00:00Z", "b1")
                + "\n"
                + promotion("2026-11-02T10:30:00Z", "b2").replace("\"schema\":2", "\"schema\":3")
                + "\n"
                + promotion("2026-11-02T11:00:00Z", "b3")
                + "\n");

    assertThat(scanned.entries()).extracting(e -> e.build().buildId()).containsExactly("b1", "b3");
    assertThat(scanned.leftOut())
        .singleElement()
        .satisfies(
            left -> {
              assertThat(left.line()).isEqualTo(2);
              assertThat(left.message())
                  .contains(
                      ":2: written by a newer Pyramid (history schema 3, this one reads up to 2)");
            });
  }

  @Test
  void a_time_edited_back_names_the_edited_line_not_its_neighbours() throws Exception {
    ScannedHistory scanned =
        scan(
            String.join(
                "\n",
                promotion("2026-11-02T10:00:00Z", "b1"),
                promotion("2026-11-02T11:00:00Z", "b2"),
                promotion("2026-10-30T12:00:00Z", "b3"),
                promotion("2026-11-02T13:00:00Z", "b4"),
                ""));

    assertThat(scanned.entries())
        .extracting(e -> e.build().buildId())
        .containsExactly("b1", "b2", "b4");
    assertThat(scanned.leftOut())
        .singleElement()
        .satisfies(
            left -> {
              assertThat(left.line()).isEqualTo(3);
              assertThat(left.message())
                  .contains(
                      ":3: \"time\": \"2026-10-30T12:00:00Z\" is before line 2's (2026-11-02T11:00:00Z)")
                  .contains("edited by hand");
            });
  }

  @Test
  void a_time_edited_forward_names_the_edited_line() throws Exception {
    ScannedHistory scanned =
        scan(
            String.join(
                "\n",
                promotion("2026-11-02T10:00:00Z", "b1"),
                promotion("2026-11-09T11:00:00Z", "b2"),
                promotion("2026-11-02T12:00:00Z", "b3"),
                promotion("2026-11-02T13:00:00Z", "b4"),
                ""));

    assertThat(scanned.leftOut()).extracting(ScannedHistory.LeftOut::line).containsExactly(2);
    assertThat(scanned.leftOut().get(0).message()).contains("is after line 3's");
  }

  @Test
  void gates_that_append_a_few_seconds_out_of_order_are_not_an_edit() throws Exception {
    // Two gates take their time, then append: the later one may land first.
    ScannedHistory scanned =
        scan(
            String.join(
                "\n",
                promotion("2026-11-02T10:00:05Z", "b1"),
                promotion("2026-11-02T10:00:01Z", "b2"),
                promotion("2026-11-02T10:03:00Z", "b3"),
                ""));

    assertThat(scanned.isPartial()).isFalse();
  }

  @Test
  void an_unknown_type_and_a_bad_time_are_left_out_by_line() throws Exception {
    ScannedHistory scanned =
        scan(
            String.join(
                "\n",
                promotion("2026-11-02T10:00:00Z", "b1").replace("promotion", "promoted"),
                promotion("yesterday", "b2"),
                promotion("2026-11-02T11:00:00Z", "b3"),
                ""));

    assertThat(scanned.entries()).hasSize(1);
    assertThat(scanned.leftOut())
        .extracting(ScannedHistory.LeftOut::message)
        .satisfiesExactly(
            first -> assertThat(first).contains(":1: \"type\": \"promoted\" is none of"),
            second -> assertThat(second).contains(":2: \"time\": \"yesterday\" is not an instant"));
  }

  @Test
  void a_missing_history_is_empty() throws Exception {
    assertThat(HistoryScan.scan(dir.resolve("none.jsonl")).entries()).isEqualTo(List.of());
  }
}
