package dev.pyramid.framework.internal.postgres;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which JVM owns a database process or container: its pid and start time, so that a pid reused by
 * another process is not mistaken for the owner. Written into data directory names and container
 * labels; read back to find what dead JVMs left behind.
 *
 * <p>Internal: not part of Pyramid's public API.
 *
 * @param pid the owner's process id
 * @param startMillis the owner's start time in epoch milliseconds, as the OS reports it
 */
record JvmOwner(long pid, long startMillis) {
  private static final Pattern TAG = Pattern.compile("jvm-(\\d+)-(\\d+)");

  /** This JVM. */
  static JvmOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new JvmOwner(self.pid(), startMillis(self).orElse(0L));
  }

  /** Reads a tag written by {@link #tag()}, at the start of {@code text}. */
  static Optional<JvmOwner> parse(String text) {
    Matcher matcher = TAG.matcher(text == null ? "" : text);
    if (!matcher.lookingAt()) {
      return Optional.empty();
    }
    return Optional.of(
        new JvmOwner(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
  }

  /** {@code jvm-<pid>-<startMillis>}: safe in file names and label values. */
  String tag() {
    return "jvm-" + pid + "-" + startMillis;
  }

  /** Whether the owner still runs: its pid is alive and started when the owner did. */
  boolean isAlive() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(handle -> startMillis(handle).map(start -> start == startMillis).orElse(true))
        .orElse(false);
  }

  private static Optional<Long> startMillis(ProcessHandle handle) {
    return handle.info().startInstant().map(instant -> instant.toEpochMilli());
  }
}
