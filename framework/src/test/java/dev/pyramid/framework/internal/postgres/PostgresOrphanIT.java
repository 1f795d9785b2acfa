package dev.pyramid.framework.internal.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.model.Container;
import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.PostgresFixture;
import dev.pyramid.framework.api.PostgresFixture.Provider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * After a test JVM is killed with SIGKILL (no shutdown hook runs), no PostgreSQL it started is left
 * running: a child JVM starts the fixture, the database answers, the child is killed, and within a
 * bounded wait the postmaster (embedded) or the container (testcontainers) is gone and its port
 * refuses connections.
 *
 * <p>In the e2e layer because it starts real servers and JVMs (about 5 s per provider). The
 * container case runs where a container engine answers and is reported as skipped elsewhere.
 */
@EndToEndTest
class PostgresOrphanIT {
  private static final Duration START_BUDGET = Duration.ofSeconds(120);
  private static final Duration REAP_BUDGET = Duration.ofSeconds(30);

  private Process child;
  private Path childLog;

  @AfterEach
  void killChildIfStillThere() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void should_leave_no_postmaster_running_after_the_jvm_with_embedded_postgres_is_killed()
      throws Exception {
    Ready ready = startChild(Provider.EMBEDDED);
    Path dataDirectory = onlyDataDirectoryOf(child.pid());
    long postmasterPid =
        Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    assertThat(ProcessHandle.of(postmasterPid)).as("postmaster of %s", dataDirectory).isPresent();
    assertAnswers(ready);

    killChild();

    awaitUntil(
        "no process runs on "
            + dataDirectory
            + " and port "
            + ready.port()
            + " refuses connections",
        () ->
            processesMentioning(dataDirectory.toString()).isEmpty()
                && ProcessHandle.of(postmasterPid).isEmpty()
                && refuses(ready.port()));
    awaitUntil(
        "data directory " + dataDirectory + " is deleted", () -> !Files.exists(dataDirectory));
  }

  @Test
  void should_leave_no_container_running_after_the_jvm_with_a_postgres_container_is_killed()
      throws Exception {
    ContainerEngine.Status engine = ContainerEngine.probe();
    Assumptions.assumeTrue(engine.answers(), "no container engine answers: " + engine.where());
    Ready ready = startChild(Provider.TESTCONTAINERS);
    String ownerPrefix = "jvm-" + child.pid() + "-";
    List<Container> mine = containersOwnedBy(ownerPrefix);
    assertThat(mine).as("containers labelled %s*", ownerPrefix).hasSize(1);
    String containerId = mine.get(0).getId();
    assertAnswers(ready);

    killChild();

    awaitUntil(
        "container "
            + containerId
            + " is removed and port "
            + ready.port()
            + " refuses connections",
        () -> containersOwnedBy(ownerPrefix).isEmpty() && refuses(ready.port()));
  }

  /** What the child printed once its database answered. */
  private record Ready(String jdbcUrl, String username, String password) {
    int port() {
      return URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    }
  }

  private Ready startChild(Provider provider) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    String image = System.getProperty(PostgresFixture.IMAGE_KEY);
    if (image != null && !image.isBlank()) {
      command.add("-D" + PostgresFixture.IMAGE_KEY + "=" + image);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            FixtureChild.class.getName(),
            provider.name()));
    Path logs = Paths.get("target", "orphan-test");
    Files.createDirectories(logs);
    childLog = logs.resolve(provider.name().toLowerCase() + "-child.log");
    child =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(childLog.toFile()))
            .start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> readyLine =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  if (line.startsWith("READY\t")) {
                    return line;
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String line;
    try {
      line = readyLine.get(START_BUDGET.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      line = null;
    }
    if (line == null) {
      fail(
          "The child JVM's database did not come up within %s; its log %s says:%n%s",
          START_BUDGET, childLog, Files.readString(childLog));
    }
    String[] fields = line.split("\t", -1);
    return new Ready(fields[1], fields[2], fields[3]);
  }

  private void killChild() throws InterruptedException {
    child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child JVM died").isTrue();
    assertThat(child.exitValue()).as("exit status of a JVM killed by SIGKILL").isEqualTo(128 + 9);
  }

  private static void assertAnswers(Ready ready) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(ready.jdbcUrl(), ready.username(), ready.password());
        ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getInt(1)).isEqualTo(1);
    }
  }

  private static Path onlyDataDirectoryOf(long pid) throws IOException {
    try (Stream<Path> children = Files.list(EmbeddedServer.home())) {
      List<Path> mine =
          children
              .filter(path -> path.getFileName().toString().startsWith("jvm-" + pid + "-"))
              .toList();
      assertThat(mine)
          .as("data directories of JVM %d in %s", pid, EmbeddedServer.home())
          .hasSize(1);
      return mine.get(0);
    }
  }

  private static List<ProcessHandle> processesMentioning(String text) {
    return ProcessHandle.allProcesses()
        .filter(
            process -> process.info().commandLine().map(line -> line.contains(text)).orElse(false))
        .toList();
  }

  private static List<Container> containersOwnedBy(String ownerPrefix) {
    return DockerClientFactory.instance()
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ContainerServer.FIXTURE_LABEL, "postgres"))
        .exec()
        .stream()
        .filter(
            c ->
                c.getLabels().getOrDefault(ContainerServer.OWNER_LABEL, "").startsWith(ownerPrefix))
        .toList();
  }

  private static boolean refuses(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Polls a condition until it holds or the budget is spent; a process dying has no event to wait
   * on.
   */
  private void awaitUntil(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + REAP_BUDGET.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail(
            "Not true within %s of killing the child JVM: %s. Child log %s:%n%s",
            REAP_BUDGET, what, childLog, Files.readString(childLog));
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }
}
