package dev.pyramid.reporting.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs a command with {@code System.out} and {@code System.err} captured, for tests that assert on
 * what the {@code pyramid} command prints. Not thread-safe: callers hold
 * {@code @ResourceLock(Resources.SYSTEM_OUT)}.
 */
final class ConsoleCapture {

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  private ConsoleCapture() {}

  /** Runs {@code action}; returns stdout and stderr as one text. */
  static String capture(ThrowingRunnable action) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      action.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
