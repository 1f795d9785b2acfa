package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.allure.AllureAggregation;
import dev.pyramid.reporting.allure.AllureCommandline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Aggregates the build's Allure results and generates the HTML report; shared by gate and report. */
final class AllureReportStep {

  /** Where the reporting module's build unpacks the commandline, relative to the module. */
  static final Path DEFAULT_HOME_PARENT = Path.of("target", "allure-commandline");

  private AllureReportStep() {}

  /** Returns true when the report was generated; explains on {@code err} when not. */
  static boolean run(List<Path> roots, Path results, Path report, Path home, Map<String, String> environment,
      PrintWriter out, PrintWriter err) {
    try {
      List<Path> copied = new AllureAggregation().aggregate(roots, results, environment);
      out.println("Allure results: " + results.toAbsolutePath() + " (from " + copied.size()
          + " module result folder(s))");
      Path allureHome = home != null ? home : defaultHome();
      int exit = new AllureCommandline(allureHome).generate(results, report, new WriterStream(out));
      if (exit != 0) {
        err.println("allure generate exited with " + exit + "; no HTML report");
        return false;
      }
      out.println("Allure report: " + report.toAbsolutePath().resolve("index.html"));
      return true;
    } catch (IOException e) {
      err.println("Allure report not generated: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("Allure report not generated: interrupted");
      return false;
    }
  }

  /** The one {@code allure-*} directory under target/allure-commandline, else ALLURE_HOME. */
  private static Path defaultHome() throws IOException {
    String fromEnvironment = System.getenv("ALLURE_HOME");
    if (Files.isDirectory(DEFAULT_HOME_PARENT)) {
      try (Stream<Path> dirs = Files.list(DEFAULT_HOME_PARENT)) {
        List<Path> homes = dirs.filter(d -> d.getFileName().toString().startsWith("allure-")).toList();
        if (homes.size() == 1) {
          return homes.get(0);
        }
      }
    }
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    throw new IOException("no Allure commandline found under " + DEFAULT_HOME_PARENT.toAbsolutePath()
        + " and ALLURE_HOME is not set; pass --allure-home");
  }

  /** Forwards Allure's output to the command's writer. */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter writer;

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      writer.flush();
    }
  }
}
