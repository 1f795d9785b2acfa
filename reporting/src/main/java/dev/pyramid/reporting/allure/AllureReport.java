package dev.pyramid.reporting.allure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Aggregates the build's Allure results and generates the HTML report; shared by gate and report.
 */
public final class AllureReport {

  /** Where the reporting module's build unpacks the commandline, relative to the module. */
  static final Path DEFAULT_HOME_PARENT = Path.of("target", "allure-commandline");

  private AllureReport() {}

  /** The system property naming the persistent history store (see {@link #historyStore}). */
  public static final String HISTORY_PROPERTY = "pyramid.allure.history";

  /** Returns true when the report was generated; explains on {@code err} when not. */
  public static boolean run(
      List<Path> roots,
      Path results,
      Path report,
      Path home,
      Map<String, String> environment,
      PrintWriter out,
      PrintWriter err) {
    return run(roots, results, report, home, historyStore(null, roots), environment, out, err);
  }

  /**
   * Where the Allure history lives between builds: {@code explicit} if given, else the system
   * property {@value #HISTORY_PROPERTY}, else {@code .pyramid/allure-history} under the first
   * result root (the checkout, outside every {@code target/}, so that {@code mvn clean} keeps the
   * trend).
   */
  public static Path historyStore(Path explicit, List<Path> roots) {
    if (explicit != null) {
      return explicit;
    }
    String property = System.getProperty(HISTORY_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    Path root = roots.isEmpty() ? Path.of(".") : roots.get(0);
    return root.resolve(".pyramid").resolve("allure-history");
  }

  /**
   * Aggregates, carries the history from {@code historyStore} (else the previous report),
   * generates, copies the Gatling HTML reports into the report and saves the new history to {@code
   * historyStore}. Returns true when the report was generated; explains on {@code err} when not.
   */
  public static boolean run(
      List<Path> roots,
      Path results,
      Path report,
      Path home,
      Path historyStore,
      Map<String, String> environment,
      PrintWriter out,
      PrintWriter err) {
    try {
      List<Path> copied = new AllureAggregation().aggregate(roots, results, environment);
      out.println(
          "Allure results: "
              + results.toAbsolutePath()
              + " (from "
              + copied.size()
              + " module result folder(s))");
      ReportHistory history = new ReportHistory(historyStore);
      out.println(
          history
              .restore(report, results)
              .map(from -> "Allure history: carried from " + from.toAbsolutePath())
              .orElse("Allure history: none yet (the trend starts with this report)"));
      Path allureHome = home != null ? home : defaultHome();
      int exit = new AllureCommandline(allureHome).generate(results, report, new WriterStream(out));
      if (exit != 0) {
        err.println("allure generate exited with " + exit + "; no HTML report");
        return false;
      }
      List<Path> gatling = GatlingReports.copyInto(roots, report);
      if (!gatling.isEmpty()) {
        out.println(
            "Gatling reports: "
                + gatling.size()
                + " run(s) under "
                + report.toAbsolutePath().resolve("gatling"));
      }
      if (history.save(report)) {
        out.println("Allure history: saved to " + historyStore.toAbsolutePath());
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
        List<Path> homes =
            dirs.filter(d -> d.getFileName().toString().startsWith("allure-")).toList();
        if (homes.size() == 1) {
          return homes.get(0);
        }
      }
    }
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    throw new IOException(
        "no Allure commandline found under "
            + DEFAULT_HOME_PARENT.toAbsolutePath()
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
