package dev.pyramid.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one {@code pyramid} command in a JVM of its own, with the options of the {@code pyramid}
 * launcher (reporting/src/main/launcher/pyramid), and hands back its exit code and what it printed.
 *
 * <p>Why a fork and not a call into the reporting classes inside Maven's JVM: the gate's speed
 * targets (100,000 results) are met by JVM options that only a new JVM can take (the serial
 * collector, compiler directives that keep C2 for SHA-256 and the JSON reader, lower tier
 * thresholds, a young generation that needs no collection, a class-data archive); a gate run also
 * holds every result it read until it ends, which would otherwise stay in Maven's heap; and a fork
 * reads system properties ({@code pyramid.allure.history}) without changing Maven's. The cost is
 * one JVM start (a few hundred milliseconds, less with the class-data archive).
 *
 * <p>Not thread-safe: one instance per goal execution.
 */
final class PyramidJvm {

  /** The CLI's entry point, in pyramid-reporting. */
  static final String MAIN_CLASS = "dev.pyramid.reporting.cli.PyramidCommand";

  private static final String DIRECTIVES = "pyramid-jit.json";

  /** The launcher's options file, one option per line ({@code #} comments), shared with it. */
  private static final String OPTIONS = "pyramid.jvm-options";

  private final Path java;
  private final List<Path> classpath;
  private final Path workDirectory;
  private final Path scratch;
  private final Path classDataArchive;
  private final List<String> extraOptions;

  /**
   * @param java the java executable
   * @param classpath pyramid-reporting and its runtime dependencies
   * @param workDirectory where the command runs (relative paths, git, quarantine.yml)
   * @param scratch where the compiler directives file is written
   * @param classDataArchive the AppCDS archive to start from (written by the first run when absent
   *     or older than the classpath); null for none
   * @param extraOptions further JVM options, after the launcher's
   */
  PyramidJvm(
      Path java,
      List<Path> classpath,
      Path workDirectory,
      Path scratch,
      Path classDataArchive,
      List<String> extraOptions) {
    this.java = java;
    this.classpath = List.copyOf(classpath);
    this.workDirectory = workDirectory;
    this.scratch = scratch;
    this.classDataArchive = classDataArchive;
    this.extraOptions = List.copyOf(extraOptions);
  }

  /** The java executable of the JVM Maven runs on. */
  static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** What a finished command returned and printed, line by line. */
  record Outcome(int exitCode, List<String> out, List<String> err) {}

  /**
   * The whole command line: java, the launcher's options, {@code properties} as {@code -Dk=v}, the
   * classpath, the main class and {@code arguments}.
   */
  List<String> commandLine(List<String> properties, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(launcherOptions());
    command.addAll(extraOptions);
    command.addAll(properties);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.add(MAIN_CLASS);
    command.addAll(arguments);
    return command;
  }

  /**
   * The launcher's JVM options: those of pyramid.jvm-options (see its comments for why each: the
   * serial collector, the compiler directives, lower C2 thresholds), then, as the launcher adds
   * them, a 1 GiB young generation where memory allows and the class-data archive.
   */
  List<String> launcherOptions() throws IOException {
    Path directives = directivesFile();
    List<String> options = new ArrayList<>();
    for (String line : resourceLines(OPTIONS)) {
      String option = line.strip();
      if (!option.isEmpty() && !option.startsWith("#")) {
        options.add(option.replace("{here}", directives.getParent().toString()));
      }
    }
    if (memoryKib() >= 8L * 1024 * 1024) {
      options.add("-Xmn1g");
    }
    if (classDataArchive != null) {
      if (isCurrent(classDataArchive)) {
        options.add("-XX:SharedArchiveFile=" + classDataArchive);
      } else {
        Files.deleteIfExists(classDataArchive);
        Files.createDirectories(classDataArchive.getParent());
        options.add("-XX:ArchiveClassesAtExit=" + classDataArchive);
      }
      // A stale or refused archive is not an error, only a slower start.
      options.add("-Xlog:cds=off");
      options.add("-Xlog:cds+dynamic=off");
    }
    return options;
  }

  /**
   * Runs the command, passing each line it prints to {@code out} or {@code err} as it comes, and
   * waits for it to end.
   */
  Outcome run(
      List<String> properties, List<String> arguments, Consumer<String> out, Consumer<String> err)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(commandLine(properties, arguments))
            .directory(workDirectory.toFile())
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> outLines = Collections.synchronizedList(new ArrayList<>());
    List<String> errLines = Collections.synchronizedList(new ArrayList<>());
    Thread errPump = pump(process.getErrorStream(), errLines, err);
    pumpHere(process.getInputStream(), outLines, out);
    errPump.join();
    int exit = process.waitFor();
    return new Outcome(exit, List.copyOf(outLines), List.copyOf(errLines));
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = PyramidJvm.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the plugin jar lacks " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private Path directivesFile() throws IOException {
    Files.createDirectories(scratch);
    Path file = scratch.resolve(DIRECTIVES);
    try (InputStream in = PyramidJvm.class.getResourceAsStream(DIRECTIVES)) {
      if (in == null) {
        throw new IOException("the plugin jar lacks " + DIRECTIVES);
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  private boolean isCurrent(Path archive) throws IOException {
    if (!Files.isRegularFile(archive)) {
      return false;
    }
    long written = Files.getLastModifiedTime(archive).toMillis();
    for (Path entry : classpath) {
      if (Files.exists(entry) && Files.getLastModifiedTime(entry).toMillis() > written) {
        return false;
      }
    }
    return true;
  }

  private static long memoryKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException | SecurityException e) {
      // Not Linux, or unreadable: keep the JVM's default young generation.
    }
    return 0;
  }

  private static Thread pump(InputStream stream, List<String> lines, Consumer<String> sink) {
    Thread thread = new Thread(() -> pumpHere(stream, lines, sink), "pyramid-stderr");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void pumpHere(InputStream stream, List<String> lines, Consumer<String> sink) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        sink.accept(line);
      }
    } catch (IOException e) {
      sink.accept("(output of the pyramid process lost: " + e.getMessage() + ")");
    }
  }
}
