package dev.pyramid.reporting.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the result files of every layer under one or more result roots and reads them into
 * {@link Evidence}.
 *
 * <p>Where each layer's files lie (relative to a root, at any depth; {@code node_modules}, {@code .git}
 * and {@code src} are not searched):
 * <ul>
 *   <li>unit: {@code target/surefire-reports/unit/TEST-*.xml}
 *   <li>contract: {@code target/surefire-reports/contract/TEST-*.xml} (consumer tests),
 *       {@code target/failsafe-reports/contract/TEST-*.xml} (provider verification) and Pact JVM's
 *       {@code target/pact/reports/*.json}
 *   <li>e2e: {@code target/failsafe-reports/e2e/TEST-*.xml}
 *   <li>perf: Gatling run directories {@code target/gatling/<simulation>-<timestamp>/}; of several runs
 *       of one simulation only the newest is read
 * </ul>
 * A file that cannot be read becomes a {@link Problem} of its layer; nothing is skipped silently.
 * A directory that cannot be searched is a problem of every layer. Thread-safe: holds no state.
 */
public final class EvidenceCollector {

  private static final Set<String> NOT_SEARCHED = Set.of("node_modules", ".git", "src");

  private final JUnitXmlReader junit = new JUnitXmlReader();
  private final PactReportReader pact = new PactReportReader();
  private final GatlingReportReader gatling = new GatlingReportReader();

  /** Reads the evidence of every layer found under {@code roots}. */
  public Evidence collect(List<Path> roots) {
    Found found = new Found();
    for (Path root : roots) {
      walk(root.toAbsolutePath().normalize(), found);
    }
    Map<Layer, LayerEvidence> layers = new EnumMap<>(Layer.class);
    layers.put(Layer.UNIT, junitLayer(Layer.UNIT, found.unit, List.of()));
    layers.put(Layer.CONTRACT, junitLayer(Layer.CONTRACT, found.contract, found.pactReports));
    layers.put(Layer.E2E, junitLayer(Layer.E2E, found.e2e, List.of()));
    layers.put(Layer.PERF, perfLayer(newestRunPerSimulation(found.gatlingRuns)));
    if (!found.unreadable.isEmpty()) {
      layers.replaceAll((layer, evidence) -> withProblems(evidence, found.unreadable));
    }
    return new Evidence(roots, layers);
  }

  private static LayerEvidence withProblems(LayerEvidence evidence, List<Problem> more) {
    List<Problem> problems = new ArrayList<>(evidence.problems());
    problems.addAll(more);
    return new LayerEvidence(evidence.layer(), evidence.sources(), evidence.counts(), evidence.testCases(),
        problems, evidence.pacts(), evidence.assertions(), evidence.requests());
  }

  private LayerEvidence junitLayer(Layer layer, List<Path> xmlFiles, List<Path> pactReports) {
    List<Path> sources = new ArrayList<>();
    List<TestCase> cases = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<PactVerification> pacts = new ArrayList<>();
    Counts counts = Counts.NONE;
    for (Path file : sorted(xmlFiles)) {
      sources.add(file);
      try {
        JUnitXmlReader.Report report = junit.read(file);
        counts = counts.plus(report.counts());
        cases.addAll(report.testCases());
      } catch (UnreadableEvidenceException e) {
        problems.add(e.toProblem());
      }
    }
    for (Path file : sorted(pactReports)) {
      sources.add(file);
      try {
        pacts.addAll(pact.read(file));
      } catch (UnreadableEvidenceException e) {
        problems.add(e.toProblem());
      }
    }
    return new LayerEvidence(layer, sources, counts, cases, problems, pacts, List.of(), List.of());
  }

  private LayerEvidence perfLayer(List<Path> runs) {
    List<Path> sources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<PerfAssertion> assertions = new ArrayList<>();
    List<RequestStats> requests = new ArrayList<>();
    for (Path run : runs) {
      sources.add(run);
      try {
        GatlingReportReader.Run read = gatling.read(run);
        assertions.addAll(read.assertions());
        requests.addAll(read.requests());
      } catch (UnreadableEvidenceException e) {
        problems.add(e.toProblem());
      }
    }
    int passed = (int) assertions.stream().filter(PerfAssertion::passed).count();
    Counts counts = new Counts(assertions.size(), passed, assertions.size() - passed, 0, 0);
    return new LayerEvidence(Layer.PERF, sources, counts, List.of(), problems, List.of(), assertions, requests);
  }

  /** Gatling names runs {@code <simulation>-<yyyyMMddHHmmssSSS>}, so the newest sorts last. */
  private static List<Path> newestRunPerSimulation(List<Path> runs) {
    Map<String, Path> newest = new LinkedHashMap<>();
    for (Path run : sorted(runs)) {
      newest.put(run.getParent() + "|" + GatlingReportReader.simulationOf(run), run);
    }
    return List.copyOf(newest.values());
  }

  private static List<Path> sorted(List<Path> paths) {
    return paths.stream().sorted(Comparator.comparing(Path::toString)).toList();
  }

  private static void walk(Path root, Found found) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && NOT_SEARCHED.contains(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (isGatlingRun(dir)) {
            found.gatlingRuns.add(dir);
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          found.classify(root.relativize(file));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // An unreadable directory must not hide evidence silently.
          found.unreadable.add(new Problem(file, "cannot read: " + e.getMessage()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.resolveAgainst(root);
  }

  private static boolean isGatlingRun(Path dir) {
    Path parent = dir.getParent();
    return parent != null
        && parent.getFileName().toString().equals("gatling")
        && parent.getParent() != null
        && parent.getParent().getFileName().toString().equals("target");
  }

  /** Result files found so far, by kind. */
  private static final class Found {
    private static final PathMatcher UNIT = glob("**/target/surefire-reports/unit/TEST-*.xml");
    private static final PathMatcher CONTRACT_SUREFIRE = glob("**/target/surefire-reports/contract/TEST-*.xml");
    private static final PathMatcher CONTRACT_FAILSAFE = glob("**/target/failsafe-reports/contract/TEST-*.xml");
    private static final PathMatcher PACT_REPORT = glob("**/target/pact/reports/*.json");
    private static final PathMatcher E2E = glob("**/target/failsafe-reports/e2e/TEST-*.xml");

    final List<Path> unit = new ArrayList<>();
    final List<Path> contract = new ArrayList<>();
    final List<Path> pactReports = new ArrayList<>();
    final List<Path> e2e = new ArrayList<>();
    final List<Path> gatlingRuns = new ArrayList<>();
    final List<Problem> unreadable = new ArrayList<>();
    private final List<Path> pending = new ArrayList<>();

    void classify(Path relative) {
      pending.add(relative);
    }

    void resolveAgainst(Path root) {
      for (Path relative : pending) {
        // "**/" in a glob needs at least one directory; a root that is itself a module has none.
        Path matchable = Path.of("root").resolve(relative);
        Path file = root.resolve(relative);
        if (UNIT.matches(matchable)) {
          unit.add(file);
        } else if (CONTRACT_SUREFIRE.matches(matchable) || CONTRACT_FAILSAFE.matches(matchable)) {
          contract.add(file);
        } else if (PACT_REPORT.matches(matchable)) {
          pactReports.add(file);
        } else if (E2E.matches(matchable)) {
          e2e.add(file);
        }
      }
      pending.clear();
    }

    private static PathMatcher glob(String pattern) {
      return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }
  }
}
