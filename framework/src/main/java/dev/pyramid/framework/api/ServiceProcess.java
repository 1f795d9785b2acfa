package dev.pyramid.framework.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its executable jar as a process of its own ({@code java -jar}), the way a
 * stage runs it: on {@code 127.0.0.1} and a free port, configured by environment variables, up once
 * its health endpoint answers 200.
 *
 * <pre>{@code
 * try (ServiceProcess core =
 *     ServiceProcess.jar(keptJar)
 *         .name("fleet-core (production)")
 *         .env("DATABASE_URL", database.jdbcUrl())
 *         .start()) {
 *   URI url = core.baseUrl();
 * }
 * }</pre>
 *
 * <p>The port is passed as {@code PORT} and the address as {@code HOST}. The process runs on the
 * test JVM's own Java. Its output goes to a log file (by default {@code
 * target/service-logs/<name>.log}); a service that exits or does not come up in time fails the
 * start with the log's last lines. {@link #close()} stops it (SIGTERM, then after 20 s SIGKILL).
 */
public final class ServiceProcess implements AutoCloseable {
  private static final int LOG_LINES_SHOWN = 20;

  private final String name;
  private final Process process;
  private final URI baseUrl;
  private final Path log;

  private ServiceProcess(String name, Process process, URI baseUrl, Path log) {
    this.name = name;
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /** A service started from {@code jar}. */
  public static Builder jar(Path jar) {
    return new Builder(Objects.requireNonNull(jar, "jar"));
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Where the process's output goes. */
  public Path log() {
    return log;
  }

  /** Stops the process and waits for it. Idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " at " + baseUrl;
  }

  /** How to start one service. */
  public static final class Builder {
    private final Path jar;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String name;
    private String healthPath = "/health";
    private Duration startTimeout = Duration.ofSeconds(60);
    private Path logDirectory = Path.of("target", "service-logs");

    private Builder(Path jar) {
      this.jar = jar;
      this.name = jar.getFileName().toString();
    }

    /** How logs and messages name the service; the jar's file name by default. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** An environment variable of the process; {@code PORT} and {@code HOST} are set for it. */
    public Builder env(String variable, String value) {
      env.put(
          Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, variable));
      return this;
    }

    /** The path that answers 200 once the service is up; {@code /health} by default. */
    public Builder healthPath(String healthPath) {
      this.healthPath = Objects.requireNonNull(healthPath, "healthPath");
      return this;
    }

    /** How long the service may take to come up; 60 s by default. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
      return this;
    }

    /** Where the log file goes; {@code target/service-logs} by default. */
    public Builder logDirectory(Path logDirectory) {
      this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory");
      return this;
    }

    /**
     * Starts the service and waits until its health path answers 200.
     *
     * @throws IllegalStateException when the jar is missing, or the service exits or is not up in
     *     time, with the last lines of its log
     */
    public ServiceProcess start() {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(name + ": no jar at " + jar);
      }
      int port = freePort();
      Path log = logDirectory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
      Process process;
      try {
        Files.createDirectories(logDirectory);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
            new ProcessBuilder(List.of(java, "-jar", jar.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("HOST", "127.0.0.1");
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            name + ": could not start " + jar + ": " + e.getMessage(), e);
      }
      ServiceProcess service =
          new ServiceProcess(name, process, URI.create("http://127.0.0.1:" + port), log);
      try {
        awaitHealthy(service);
      } catch (RuntimeException e) {
        service.close();
        throw e;
      }
      return service;
    }

    private void awaitHealthy(ServiceProcess service) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest health =
          HttpRequest.newBuilder(service.baseUrl.resolve(healthPath))
              .timeout(Duration.ofSeconds(2))
              .build();
      long deadline = System.nanoTime() + startTimeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!service.process.isAlive()) {
          throw notUp(service, "exited with status " + service.process.exitValue());
        }
        try {
          if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw notUp(service, "was interrupted while waiting");
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw notUp(service, "was interrupted while waiting");
        }
      }
      throw notUp(service, "did not answer " + healthPath + " with 200 within " + startTimeout);
    }

    private IllegalStateException notUp(ServiceProcess service, String what) {
      return new IllegalStateException(
          name
              + " ("
              + jar
              + ") "
              + what
              + "; the end of "
              + service.log
              + ":\n"
              + tail(service.log));
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join(
            "\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
    }

    private static int freePort() {
      try (ServerSocket socket =
          new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("no free port on 127.0.0.1: " + e.getMessage(), e);
      }
    }
  }
}
