package dev.pyramid.reporting.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pyramid} launcher starts the JVM with every option of {@code pyramid.jvm-options}
 * beside it, in order, which pyramid-maven-plugin reads too: the two run the gate alike.
 */
@UnitTest
class LauncherOptionsTests {

  private static final Path LAUNCHER_DIR = Path.of("src/main/launcher").toAbsolutePath();

  @Test
  void the_launcher_passes_every_option_of_the_options_file_before_the_jar(@TempDir Path javaHome)
      throws Exception {
    // A java that prints the arguments it was given, one per line.
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

    List<String> arguments = launch(javaHome, "gate", "--help");

    List<String> expected =
        Files.readAllLines(LAUNCHER_DIR.resolve("pyramid.jvm-options")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(option -> option.replace("{here}", LAUNCHER_DIR.toString()))
            .toList();
    assertThat(expected).contains("-XX:+UseSerialGC");
    assertThat(arguments.subList(0, expected.size())).containsExactlyElementsOf(expected);
    assertThat(arguments)
        .containsSubsequence(
            "-jar", LAUNCHER_DIR.resolve("pyramid.jar").toString(), "gate", "--help");
  }

  /** What the launcher ran java with, one argument per line. */
  private static List<String> launch(Path javaHome, String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("bash", LAUNCHER_DIR.resolve("pyramid").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("PYRAMID_JAVA_OPTS");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().toList();
  }
}
