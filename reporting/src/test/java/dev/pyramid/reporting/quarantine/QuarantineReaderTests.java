package dev.pyramid.reporting.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.policy.PolicyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quarantine.yml: quarantined failures and retired tests, each entry checked with its line. */
@UnitTest
class QuarantineReaderTests {

  @TempDir Path dir;

  @Test
  void reads_quarantined_and_retired_tests_with_their_lines() throws Exception {
    Path file =
        write(
            """
            quarantine:
              - test: "a.B#flaky"
                owner: team-a
                reason: "clock; FLEET-1"
                expires: 2026-12-31
            retired:
              - test: "a.B#old_name"
                owner: team-a
                reason: "renamed to new_name"
                expires: 2027-01-15
            """);

    Quarantine read = new QuarantineReader().read(file);

    assertThat(read.entries()).extracting(Quarantine.Entry::test).containsExactly("a.B#flaky");
    assertThat(read.retired())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.test()).isEqualTo("a.B#old_name");
              assertThat(entry.line()).isEqualTo(7);
            });
    assertThat(read.retiredOn(LocalDate.parse("2027-01-15"))).containsExactly("a.B#old_name");
    assertThat(read.retiredOn(LocalDate.parse("2027-01-16"))).isEmpty();
  }

  @Test
  void either_section_may_be_absent() throws Exception {
    Quarantine read = new QuarantineReader().read(write("quarantine: []\n"));

    assertThat(read.entries()).isEmpty();
    assertThat(read.retired()).isEmpty();
  }

  @Test
  void a_retired_entry_without_a_reason_is_refused_naming_its_line_and_the_fix() throws Exception {
    Path file =
        write(
            """
            retired:
              - test: "a.B#old_name"
                owner: team-a
                expires: 2027-01-15
            """);

    assertThatThrownBy(() -> new QuarantineReader().read(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(file + ":2")
        .hasMessageContaining("retired[0].reason")
        .hasMessageContaining("why it was removed or renamed");
  }

  @Test
  void an_unknown_section_is_refused() throws Exception {
    Path file = write("quarantined: []\n");

    assertThatThrownBy(() -> new QuarantineReader().read(file))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("quarantine: and retired:");
  }

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("quarantine.yml"), text);
  }
}
