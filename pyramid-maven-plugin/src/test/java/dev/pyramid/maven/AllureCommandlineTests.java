package dev.pyramid.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class AllureCommandlineTests {

  @TempDir Path dir;

  @Test
  void should_unpack_the_commandline_and_make_its_scripts_executable() throws Exception {
    Path zip = zip("allure-2.34.1/bin/allure", "allure-2.34.1/lib/allure.jar");

    Path home = AllureCommandline.unpack(zip, dir.resolve("unpacked"));

    assertThat(home).isEqualTo(dir.resolve("unpacked/allure-2.34.1"));
    assertThat(home.resolve("bin/allure")).isExecutable();
    assertThat(home.resolve("lib/allure.jar")).exists();
  }

  @Test
  void should_not_unpack_again_what_an_earlier_run_unpacked() throws Exception {
    Path zip = zip("allure-2.34.1/bin/allure");
    Path home = AllureCommandline.unpack(zip, dir.resolve("unpacked"));
    Files.writeString(home.resolve("kept"), "from the first run");

    assertThat(AllureCommandline.unpack(zip, dir.resolve("unpacked"))).isEqualTo(home);
    assertThat(home.resolve("kept")).exists();
  }

  @Test
  void should_keep_each_level_in_its_own_history_folder() {
    Path base = Path.of(".pyramid/allure-history");

    assertThat(AllureCommandline.historyOf(base, "all")).isEqualTo(base.resolve("all"));
    assertThat(AllureCommandline.historyOf(base, null)).isEqualTo(base.resolve("all"));
    assertThat(AllureCommandline.historyOf(base, "contract")).isEqualTo(base.resolve("contract"));
    assertThat(AllureCommandline.historyOf(base, "Unit, e2e")).isEqualTo(base.resolve("unit+e2e"));
  }

  @Test
  void should_move_a_history_kept_before_levels_into_the_whole_pyramid_folder() throws Exception {
    Path base = Files.createDirectories(dir.resolve("allure-history"));
    Files.writeString(base.resolve("history-trend.json"), "[]");

    AllureCommandline.keepEarlierHistory(base);
    AllureCommandline.keepEarlierHistory(base);

    assertThat(base.resolve("all/history-trend.json")).hasContent("[]");
    assertThat(base.resolve("history-trend.json")).doesNotExist();
  }

  @Test
  void should_not_carry_another_levels_history_from_the_previous_report() throws Exception {
    Path report = Files.createDirectories(dir.resolve("report/history"));
    Files.writeString(report.resolve("history-trend.json"), "[334]");
    Path contract = dir.resolve("allure-history/contract");

    AllureCommandline.forgetOtherLevels(dir.resolve("report"), contract);

    assertThat(report.resolve("history-trend.json")).doesNotExist();
  }

  @Test
  void should_leave_the_previous_report_alone_when_the_level_has_a_history() throws Exception {
    Path report = Files.createDirectories(dir.resolve("report/history"));
    Files.writeString(report.resolve("history-trend.json"), "[334]");
    Path all = Files.createDirectories(dir.resolve("allure-history/all"));
    Files.writeString(all.resolve("history-trend.json"), "[334]");

    AllureCommandline.forgetOtherLevels(dir.resolve("report"), all);

    assertThat(report.resolve("history-trend.json")).exists();
  }

  private Path zip(String... entries) throws Exception {
    Path zip = dir.resolve("allure-commandline.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream entriesOut = new ZipOutputStream(out)) {
      for (String entry : entries) {
        entriesOut.putNextEntry(new ZipEntry(entry));
        entriesOut.write(entry.getBytes(StandardCharsets.UTF_8));
        entriesOut.closeEntry();
      }
    }
    return zip;
  }
}
