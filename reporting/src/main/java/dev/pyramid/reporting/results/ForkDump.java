package dev.pyramid.reporting.results;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Surefire/Failsafe dump file ({@code <date>-jvmRun<N>.dump}, {@code
 * <date>-jvmRun<N>.dumpstream}, {@code <date>.dump}, {@code <date>.dumpstream}) says: its entries,
 * and the first that tells of a crash, if any.
 *
 * <p>Surefire 3.5.4 appends an entry ("# Created at <time>", then text) whenever something goes
 * wrong between Maven and a forked JVM: the fork's own failures ({@code .dump}: the exception that
 * ended the run, "Killing self fork JVM...", a thread dump before a kill), the errors the fork
 * reported and the lines it wrote past Surefire's channel ({@code .dumpstream}). Most mean that
 * tests have no results. A few do not, and were seen on green runs whose every test has a result
 * (real/surefire-traces, HOW.md):
 *
 * <ul>
 *   <li>"Corrupted channel by directly writing to native stream in forked JVM N. Stream '...'": a
 *       line written to the fork's native stdout (a native library, {@code -verbose:gc}, a child
 *       process with inherited IO, {@code new FileOutputStream(FileDescriptor.out)}); Surefire
 *       warns and carries on. Unless the line is the JVM's own fatal error report ("# A fatal error
 *       has been detected by the Java Runtime Environment:", as a SIGSEGV writes it), which is a
 *       crash.
 *   <li>"Found Maven process ID N for the fork N.": written when the fork runs under a debugger
 *       ({@code -Dmaven.surefire.debug}).
 *   <li>"Thread dump for process (...) after N seconds shutdown timeout:" ({@code .dump}) and
 *       "Surefire is going to kill self fork JVM. The exit has elapsed N seconds after
 *       System.exit(0)." ({@code .dumpstream}): the fork had said goodbye (every result sent) and
 *       hung in {@code System.exit(0)} (a shutdown hook that does not return), so Surefire killed
 *       it. After {@code System.exit(1)} (a fork ending on an error) it is a crash, and that error
 *       has its own entry anyway.
 * </ul>
 *
 * <p>Anything else, including text the gate has never seen, an empty file or one not in this
 * format, tells of a crash (fail closed). Thread-safe.
 *
 * @param entries how many entries the file holds
 * @param crash the telling line of the first entry that is none of the above; empty when every
 *     entry is one of them
 */
record ForkDump(Path file, int entries, Optional<String> crash)
    implements SurefireTraceReader.Trace {

  private static final String ENTRY = "# Created at ";

  private static final Pattern NATIVE_STREAM =
      Pattern.compile(
          "Corrupted channel by directly writing to native stream in forked JVM \\d+\\. Stream"
              + " '(.*)'\\.");

  private static final List<Pattern> BENIGN =
      List.of(
          Pattern.compile("Found Maven process ID \\d+ for the fork \\d+\\."),
          Pattern.compile("Thread dump for process \\(.*\\) after \\d+ seconds shutdown timeout:"),
          Pattern.compile(
              "Surefire is going to kill self fork JVM\\. The exit has elapsed \\d+ seconds after"
                  + " System\\.exit\\(0\\)\\."));

  /**
   * What HotSpot writes to stdout when the JVM dies (the head of an hs_err report) or cannot go on;
   * seen in a dump as a native stream line.
   */
  private static final List<String> JVM_FATAL =
      List.of(
          "A fatal error has been detected by the Java Runtime Environment",
          "There is insufficient memory for the Java Runtime Environment to continue",
          "Error occurred during initialization of VM",
          "Could not create the Java Virtual Machine",
          "Terminating due to java.lang.OutOfMemoryError",
          "Aborting due to java.lang.OutOfMemoryError");

  /** True for a file name Surefire gives a dump file. */
  static boolean isDumpName(String name) {
    return name.endsWith(".dump") || name.endsWith(".dumpstream");
  }

  /** Reads the dump file {@code file} from {@code bytes[0, length)}. */
  static ForkDump read(Path file, byte[] bytes, int length) {
    // Surefire writes UTF-8; a stray byte from a native stream is replaced, not a reason to refuse.
    List<String> lines = new String(bytes, 0, length, StandardCharsets.UTF_8).lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith(ENTRY)) {
      String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
      return new ForkDump(
          file,
          0,
          Optional.of(
              first.isEmpty()
                  ? "(empty: Surefire began a trace and did not finish it)"
                  : "(not in Surefire's dump format) " + first));
    }
    List<String> firstLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(ENTRY)) {
        firstLines.add(i + 1 < lines.size() ? lines.get(i + 1).strip() : "");
      }
    }
    Optional<String> crash = firstLines.stream().filter(ForkDump::tellsOfACrash).findFirst();
    return new ForkDump(file, firstLines.size(), crash.map(ForkDump::telling));
  }

  private static boolean tellsOfACrash(String firstLine) {
    Matcher nativeStream = NATIVE_STREAM.matcher(firstLine);
    if (nativeStream.matches()) {
      return JVM_FATAL.stream().anyMatch(nativeStream.group(1)::contains);
    }
    return BENIGN.stream().noneMatch(benign -> benign.matcher(firstLine).matches());
  }

  /** A native stream line as the JVM wrote it; any other entry's first line as it is. */
  private static String telling(String firstLine) {
    Matcher nativeStream = NATIVE_STREAM.matcher(firstLine);
    String line = nativeStream.matches() ? nativeStream.group(1) : firstLine;
    return line.isEmpty() ? "(an entry without text)" : line;
  }
}
