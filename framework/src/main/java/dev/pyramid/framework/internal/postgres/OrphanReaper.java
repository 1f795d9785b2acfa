package dev.pyramid.framework.internal.postgres;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watchdog process that removes a database once the JVM that started it is gone, even when that
 * JVM was killed with SIGKILL and ran no shutdown hook.
 *
 * <p>Why it is needed: an embedded postmaster is started through {@code pg_ctl}, which detaches it,
 * and a container lives in the engine; neither dies with the JVM. Ryuk, Testcontainers' own reaper,
 * is disabled on Podman. The watchdog is a small shell process that blocks reading its standard
 * input, a pipe whose only writer is this JVM: when the JVM dies, for any reason, the kernel closes
 * the pipe, the read returns and the watchdog runs its clean-up command. It ignores SIGINT, SIGTERM
 * and SIGHUP and runs in its own session, so that signals sent to the test JVM's process group do
 * not take it down first.
 *
 * <p>The clean-up command must be idempotent: it also runs after a normal {@link #close()}, when
 * there is usually nothing left to remove. Internal: not part of Pyramid's public API.
 */
final class OrphanReaper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);

  private final Process process;

  private OrphanReaper(Process process) {
    this.process = process;
  }

  /**
   * Starts a watchdog that runs {@code cleanup} (POSIX shell, arguments as {@code $1...}) when this
   * JVM ends; empty where no POSIX shell exists (the start-up sweeps still remove orphans later).
   */
  static Optional<OrphanReaper> watch(String cleanup, String... arguments) {
    if (!new File("/bin/sh").canExecute()) {
      return Optional.empty();
    }
    String script = "trap '' INT TERM HUP\nread -r _ignored || true\n" + cleanup;
    List<String> command = new ArrayList<>();
    if (new File("/usr/bin/setsid").canExecute()) {
      command.add("/usr/bin/setsid");
    }
    command.addAll(List.of("/bin/sh", "-c", script, "pyramid-postgres-reaper"));
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return Optional.of(new OrphanReaper(process));
    } catch (IOException e) {
      LOG.warn(
          "Could not start the orphan reaper ({}); a killed test JVM may leave PostgreSQL running",
          e.getMessage());
      return Optional.empty();
    }
  }

  /** The watchdog's process id, for tests and logs. */
  long pid() {
    return process.pid();
  }

  /** Lets the watchdog run its (now idempotent) clean-up and waits briefly for it to finish. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
