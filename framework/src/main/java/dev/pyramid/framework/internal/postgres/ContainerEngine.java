package dev.pyramid.framework.internal.postgres;

import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers whether a container engine (Docker, or Podman's Docker API) answers.
 *
 * <p>Internal: not part of Pyramid's public API. Without an engine the answer takes about 0.6 s;
 * Testcontainers caches it for the JVM.
 */
public final class ContainerEngine {

  /**
   * What the probe found.
   *
   * @param answers whether an engine answered
   * @param where where it answered, or what was tried, for the log: {@code "at unix:///..."},
   *     {@code "DOCKER_HOST unset"}
   */
  public record Status(boolean answers, String where) {}

  private ContainerEngine() {}

  /** Asks once; never throws. */
  public static Status probe() {
    String dockerHost = System.getenv("DOCKER_HOST");
    boolean answers;
    try {
      answers = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      answers = false;
    }
    if (answers) {
      return new Status(
          true, "at " + DockerClientFactory.instance().getTransportConfig().getDockerHost());
    }
    return new Status(
        false,
        dockerHost == null || dockerHost.isBlank()
            ? "DOCKER_HOST unset"
            : "DOCKER_HOST=" + dockerHost + " did not answer");
  }
}
