package dev.pyramid.framework.internal.postgres;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.pyramid.framework.api.PostgresDatabase;
import java.io.File;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a container (Testcontainers' {@link PostgreSQLContainer}), labelled with the JVM
 * that owns it and guarded by an {@link OrphanReaper}, because Ryuk is disabled on Podman.
 *
 * <p>Labels: {@value #FIXTURE_LABEL}{@code =postgres}, {@value #OWNER_LABEL}{@code
 * =jvm-<pid>-<start>}, {@value #HOST_LABEL}{@code =<host name>}. At start, containers of this host
 * whose owner no longer runs are removed. Internal: not part of Pyramid's public API.
 */
final class ContainerServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerServer.class);
  static final String FIXTURE_LABEL = "dev.pyramid.fixture";
  static final String OWNER_LABEL = "dev.pyramid.owner";
  static final String HOST_LABEL = "dev.pyramid.host";

  /** Runs when the JVM is gone: removes container $2 through the engine's API socket $1. */
  private static final String CLEANUP_THROUGH_SOCKET =
      "curl -s -o /dev/null --max-time 30 --unix-socket \"$1\" -X DELETE \"http://localhost/containers/$2?force=true&v=true\"\n";

  private final PostgreSQLContainer container;
  private final Optional<OrphanReaper> reaper;

  private ContainerServer(PostgreSQLContainer container, Optional<OrphanReaper> reaper) {
    this.container = container;
    this.reaper = reaper;
  }

  /**
   * Removes what dead JVMs left, then starts a container from {@code image} (substituted for the
   * official {@code postgres} image when it is another one) and waits until PostgreSQL accepts
   * connections.
   */
  static ContainerServer start(String image) {
    sweepOrphans();
    String name = "pyramid-postgres-" + UUID.randomUUID().toString().substring(0, 12);
    DockerImageName imageName = DockerImageName.parse(image);
    if (!"postgres".equals(imageName.getRepository())) {
      imageName = imageName.asCompatibleSubstituteFor("postgres");
    }
    // The container is named before it exists, so that the watchdog also covers a start-up that
    // the JVM does not survive.
    Optional<OrphanReaper> reaper = watch(name);
    PostgreSQLContainer container =
        new PostgreSQLContainer(imageName)
            .withLabels(
                Map.of(
                    FIXTURE_LABEL, "postgres",
                    OWNER_LABEL, JvmOwner.current().tag(),
                    HOST_LABEL, hostName()))
            .withCreateContainerCmdModifier(command -> command.withName(name))
            .withStartupTimeout(Duration.ofSeconds(120));
    try {
      container.start();
      return new ContainerServer(container, reaper);
    } catch (RuntimeException e) {
      container.stop();
      reaper.ifPresent(OrphanReaper::close);
      throw e;
    }
  }

  PostgresDatabase database() {
    return new PostgresDatabase(
        "testcontainers", container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  String containerId() {
    return container.getContainerId();
  }

  @Override
  public void close() {
    try {
      container.stop();
    } finally {
      reaper.ifPresent(OrphanReaper::close);
    }
  }

  private static Optional<OrphanReaper> watch(String containerName) {
    URI host = DockerClientFactory.instance().getTransportConfig().getDockerHost();
    boolean curl = new File("/usr/bin/curl").canExecute() || new File("/bin/curl").canExecute();
    if ("unix".equals(host.getScheme()) && curl) {
      return OrphanReaper.watch(CLEANUP_THROUGH_SOCKET, host.getPath(), containerName);
    }
    LOG.debug(
        "No watchdog for container {} (engine at {}, curl {}); orphans are removed at the next start",
        containerName,
        host,
        curl ? "present" : "missing");
    return Optional.empty();
  }

  /** Removes containers of this host whose owning JVM no longer runs. */
  static void sweepOrphans() {
    DockerClient client = DockerClientFactory.instance().client();
    List<Container> containers;
    try {
      containers =
          client
              .listContainersCmd()
              .withShowAll(true)
              .withLabelFilter(Map.of(FIXTURE_LABEL, "postgres", HOST_LABEL, hostName()))
              .exec();
    } catch (RuntimeException e) {
      LOG.warn("Could not list containers to remove orphans: {}", e.getMessage());
      return;
    }
    for (Container candidate : containers) {
      Optional<JvmOwner> owner = JvmOwner.parse(candidate.getLabels().get(OWNER_LABEL));
      if (owner.isEmpty() || owner.get().isAlive()) {
        continue;
      }
      try {
        client.removeContainerCmd(candidate.getId()).withForce(true).withRemoveVolumes(true).exec();
        LOG.info(
            "Removed PostgreSQL container {} left by dead JVM {}",
            candidate.getId(),
            owner.get().pid());
      } catch (RuntimeException e) {
        LOG.warn("Could not remove orphaned container {}: {}", candidate.getId(), e.getMessage());
      }
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
