package dev.pyramid.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forked gate gets the launcher's options: those of its options file, in its order. */
@Tag("unit")
class PyramidJvmTests {

  private static final Path OPTIONS = Path.of("../reporting/src/main/launcher/pyramid.jvm-options");

  @Test
  void starts_the_gate_with_every_option_of_the_launchers_options_file(@TempDir Path scratch)
      throws Exception {
    PyramidJvm jvm =
        new PyramidJvm(
            PyramidJvm.currentJava(), List.of(), scratch, scratch, null, List.of("-Xmx2g"));

    List<String> options = jvm.launcherOptions();

    List<String> expected =
        Files.readAllLines(OPTIONS).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(option -> option.replace("{here}", scratch.toString()))
            .toList();
    assertThat(expected).contains("-XX:+UseSerialGC");
    assertThat(options.subList(0, expected.size())).containsExactlyElementsOf(expected);
    assertThat(scratch.resolve("pyramid-jit.json")).exists();
    assertThat(jvm.commandLine(List.of(), List.of("gate")))
        .containsSubsequence(expected.get(0), "-Xmx2g", PyramidJvm.MAIN_CLASS, "gate");
  }
}
