package dev.pyramid.reporting.allure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the unpacked Allure 2 commandline ({@code <home>/bin/allure generate <results> -o <report>
 * --clean}) with the JDK that runs this process as its JAVA_HOME.
 *
 * <p>The script is started through {@code sh} because an unpacked zip may lose its executable bit.
 */
final class AllureCommandline {

  private static final long TIMEOUT_MINUTES = 10;

  private final Path home;

  /**
   * @param home the unpacked commandline, the directory holding {@code bin/allure}
   */
  public AllureCommandline(Path home) {
    this.home = home;
  }

  /**
   * Generates the HTML report of {@code results} into {@code report}, echoing Allure's output to
   * {@code log}.
   *
   * @return Allure's exit code (0 on success)
   * @throws IOException when the commandline is not there or cannot be started
   */
  public int generate(Path results, Path report, OutputStream log)
      throws IOException, InterruptedException {
    Path script = home.resolve("bin").resolve("allure");
    if (!Files.isRegularFile(script)) {
      throw new IOException(
          "no Allure commandline at "
              + script
              + "; build the reporting module (it unpacks allure-commandline into target/allure-commandline)"
              + " or pass --allure-home");
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "sh",
                    script.toString(),
                    "generate",
                    results.toAbsolutePath().toString(),
                    "-o",
                    report.toAbsolutePath().toString(),
                    "--clean"))
            .redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    try (InputStream output = process.getInputStream()) {
      output.transferTo(log);
    } catch (IOException e) {
      process.destroy();
      throw new UncheckedIOException(e);
    }
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("allure generate did not finish in " + TIMEOUT_MINUTES + " minutes");
    }
    return process.exitValue();
  }
}
