package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One run of the e2e journeys during a rolling update, as the e2e tests record it: some services
 * from the build a stage runs, the others from the candidate, each a process of its own, with the
 * journeys' results. One folder holds one run ({@code target/failsafe-reports/e2e-rolling/<services
 * from the stage>/}: {@code rolling-update.json} beside the run's JUnit XML). Its tests are the
 * run's, not the e2e layer's: they count in no total of the layer. The gate holds the run to the
 * build the history says the stage runs ({@code rolling-update-verified}); the tests found theirs
 * by the stage's pointer.
 *
 * @param stage the stage whose build some services ran from
 * @param stageBuild the build the tests found running at the stage; empty when they found none
 * @param note why the journeys could not run, when the tests say so (no build at the stage, a
 *     service's jar not kept); empty otherwise
 * @param services each service started, from which build and which file
 * @param testCases the journeys' results, read from {@code reports}
 * @param source the run's {@code rolling-update.json}
 * @param reports the run's JUnit XML files
 */
public record RollingUpdateRun(
    String stage,
    Optional<Build> stageBuild,
    String note,
    List<Service> services,
    List<TestCase> testCases,
    Path source,
    List<Path> reports) {

  public RollingUpdateRun {
    services = List.copyOf(services);
    testCases = List.copyOf(testCases);
    reports = List.copyOf(reports);
  }

  /** A build, as the tests found it at the stage. */
  public record Build(String commit, String buildId) {

    /** As folders and reports name it: {@code <commit>/<build id>}. */
    @Override
    public String toString() {
      return commit + "/" + buildId;
    }
  }

  /** Which build a service ran from. */
  public enum Side {
    /** The build the stage runs, from the file {@code pyramid promote} kept of it. */
    STAGE("stage"),
    /** The build being decided for. */
    CANDIDATE("candidate");

    private final String id;

    Side(String id) {
      this.id = id;
    }

    /** As the evidence file writes it. */
    public String id() {
      return id;
    }
  }

  /**
   * One service started.
   *
   * @param path the file it ran from, relative to a checkout (as {@code pyramid promote} keeps it)
   * @param sha256 the SHA-256 of that file (lower-case hex), which names it wherever it lies
   */
  public record Service(String name, Side side, String path, String sha256) {}

  /** The services from {@code side}, in the file's order. */
  public List<Service> from(Side side) {
    return services.stream().filter(service -> service.side() == side).toList();
  }

  /** The journeys' counts: a test that passed on a rerun is passed and flaky. */
  public Counts counts() {
    return Counts.of(testCases);
  }
}
