package dev.pyramid.reporting;

import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.StampWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Lays out result files the way a Pyramid build writes them, under a temporary result root. */
public final class BuildTree {

  public static final String REAL_PASSING =
      "real/surefire/TEST-dev.pyramid.platform.fleetcore.geo.LocationTests.xml";
  public static final String REAL_PASSING_2 =
      "real/surefire/TEST-dev.pyramid.platform.fleetcore.vehicles.NearestVehicleTests.xml";

  /** Real Surefire 3.5.4 output: 5 tests, 2 passed, 1 failed, 1 errored, 1 skipped. */
  public static final String REAL_MIXED = "real/surefire/TEST-sample.MixedOutcomesTests.xml";

  public static final String PACT_OK = "handmade/pact/fleet-core.json";
  public static final String PACT_FAILED = "handmade/pact/fleet-core-failed.json";
  public static final String GATLING_RUN = "handmade/gatling-run";

  /**
   * The tests' own policy (the reference platform's), not the QA strategist's live
   * quality-gate.yml.
   */
  public static final String POLICY = "policy/reference-policy.yml";

  /** The build every test tree is stamped for. */
  public static final BuildIdentity BUILD =
      new BuildIdentity("0123456789abcdef0123456789abcdef01234567", "build-1");

  private final Path root;

  public BuildTree(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** A passing unit, contract and e2e layer (everything staging requires). */
  public BuildTree stagingPasses() {
    unit("platform/fleet-core", REAL_PASSING);
    unit("framework", REAL_PASSING_2);
    contract("contract-tests", REAL_PASSING_2);
    pactReport(PACT_OK);
    e2e("e2e-tests", REAL_PASSING);
    return this;
  }

  public Path unit(String module, String resource) {
    return copy(resource, root.resolve(module).resolve("target/surefire-reports/unit"));
  }

  public Path contract(String module, String resource) {
    return copy(resource, root.resolve(module).resolve("target/failsafe-reports/contract"));
  }

  public Path e2e(String module, String resource) {
    return copy(resource, root.resolve(module).resolve("target/failsafe-reports/e2e"));
  }

  public Path pactReport(String resource) {
    return copy(resource, root.resolve("contract-tests/target/pact/reports"));
  }

  /** Copies the hand-made Gatling run to perf-tests/target/gatling/{runName}. */
  public Path gatlingRun(String runName) {
    Path run = root.resolve("perf-tests/target/gatling").resolve(runName);
    copy(GATLING_RUN + "/index.html", run);
    return run;
  }

  /** Deletes a directory under the root, e.g. a layer's reports. */
  public void delete(String relative) {
    try (Stream<Path> files = Files.walk(root.resolve(relative))) {
      files
          .sorted((a, b) -> b.compareTo(a))
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stamps the root for {@link #BUILD}, covering every file. */
  public BuildTree stamp() {
    try {
      StampWriter.write(root, BUILD, List.of(), null, Instant.now());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Copies a resource into {@code relative} (a directory under the root). */
  public Path put(String resource, String relative) {
    return copy(resource, root.resolve(relative));
  }

  /**
   * Copies the resource directory {@code resource}, with everything below it, into {@code relative}
   * (a directory under the root).
   */
  public Path putTree(String resource, String relative) {
    Path from = resource(resource);
    Path to = root.resolve(relative);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** Writes {@code text} to {@code relative} under the root. */
  public Path write(String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the first {@code bytes} bytes of a resource as a cut-off file. */
  public Path truncated(String resource, Path directory, int bytes) {
    try {
      Files.createDirectories(directory);
      byte[] content = Files.readAllBytes(resource(resource));
      Path file = directory.resolve(resource(resource).getFileName());
      Files.write(file, java.util.Arrays.copyOf(content, Math.min(bytes, content.length)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path resource(String name) {
    URL url = BuildTree.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Path copy(String resource, Path directory) {
    try {
      Files.createDirectories(directory);
      Path source = resource(resource);
      return Files.copy(source, directory.resolve(source.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
