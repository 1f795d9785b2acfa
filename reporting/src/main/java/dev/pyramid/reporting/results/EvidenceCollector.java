package dev.pyramid.reporting.results;

import java.io.IOException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the result files of every layer under one or more result roots, by the {@link Sources} globs,
 * and reads them into {@link Evidence}.
 *
 * <p>{@code node_modules}, {@code .git}, {@code src} and {@code .pyramid} (stamps, history) are not
 * searched. Of several Gatling runs of one simulation in one directory only the newest is read. A file
 * that cannot be read becomes a {@link Problem} of its layer, and so does a test case (same class and
 * name) that a second root holds again: nothing is skipped or counted twice silently. A directory that
 * cannot be searched is a problem of every layer. Reads files in parallel; thread-safe: holds no state.
 */
public final class EvidenceCollector {

  /** Directories never searched, here and by {@code pyramid stamp}. */
  public static final Set<String> NOT_SEARCHED = Set.of("node_modules", ".git", "src", ".pyramid");

  private final JUnitXmlReader junit = new JUnitXmlReader();
  private final PactReportReader pact = new PactReportReader();
  private final GatlingReportReader gatling = new GatlingReportReader();
  private final AllureResultReader allure = new AllureResultReader();
  private final JacocoXmlReader jacoco = new JacocoXmlReader();

  /** Reads the evidence found under {@code roots} where a Pyramid build writes it. */
  public Evidence collect(List<Path> roots) {
    return collect(roots, Sources.defaults());
  }

  /** Reads the evidence of every layer found under {@code roots} by {@code sources}. */
  public Evidence collect(List<Path> roots, Sources sources) {
    Map<Layer, Found> found = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      found.put(layer, new Found());
    }
    List<Problem> unreadable = new ArrayList<>();
    Matchers matchers = new Matchers(sources);
    for (Path root : roots) {
      walk(root.toAbsolutePath().normalize(), matchers, found, unreadable);
    }
    Map<Layer, LayerEvidence> layers = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      layers.put(layer, read(layer, found.get(layer), matchers));
    }
    layers = duplicatesAcrossRoots(roots, layers);
    if (!unreadable.isEmpty()) {
      layers.replaceAll((layer, evidence) -> evidence.withProblems(unreadable));
    }
    return new Evidence(roots, layers);
  }

  private LayerEvidence read(Layer layer, Found found, Matchers matchers) {
    List<Path> sources = new ArrayList<>();
    List<TestCase> cases = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Outcome<JUnitXmlReader.Report> report : readAll(found.junit, junit::read)) {
      sources.add(report.file);
      if (report.problem != null) {
        problems.add(report.problem);
      } else {
        cases.addAll(report.value.testCases());
      }
    }
    List<AllureResultReader.Result> allureResults = new ArrayList<>();
    for (Outcome<AllureResultReader.Result> result : readAll(found.allure, allure::read)) {
      if (result.problem != null) {
        sources.add(result.file);
        problems.add(result.problem);
        continue;
      }
      String label = result.value.layerLabel();
      if (!label.isEmpty() && !label.equals(layer.id())) {
        continue; // labelled for another layer, which lists the same file
      }
      if (label.isEmpty() && matchers.allureLayers(result.file).size() > 1) {
        sources.add(result.file);
        problems.add(new Problem(result.file, "no \"layer\" label, and the Allure globs of several layers ("
            + matchers.allureLayers(result.file) + ") match it"));
        continue;
      }
      sources.add(result.file);
      allureResults.add(result.value);
    }
    cases.addAll(AllureResultReader.merge(allureResults));
    List<PactVerification> verifications = new ArrayList<>();
    for (Outcome<List<PactVerification>> report : readAll(found.pactReports, pact::read)) {
      sources.add(report.file);
      if (report.problem != null) {
        problems.add(report.problem);
      } else {
        verifications.addAll(report.value);
      }
    }
    List<PactFile> pactFiles = new ArrayList<>();
    for (Outcome<PactFile> file : readAll(found.pacts, pact::readPact)) {
      sources.add(file.file);
      if (file.problem != null) {
        problems.add(file.problem);
      } else {
        pactFiles.add(file.value);
      }
    }
    List<Coverage> coverage = new ArrayList<>();
    for (Outcome<Coverage> report : readAll(found.jacoco, jacoco::read)) {
      sources.add(report.file);
      if (report.problem != null) {
        problems.add(report.problem);
      } else {
        coverage.add(report.value);
      }
    }
    List<PerfAssertion> assertions = new ArrayList<>();
    List<RequestStats> requests = new ArrayList<>();
    for (Outcome<GatlingReportReader.Run> run : readAll(newestRunPerSimulation(found.gatling), gatling::read)) {
      sources.add(run.file);
      if (run.problem != null) {
        problems.add(run.problem);
      } else {
        assertions.addAll(run.value.assertions());
        requests.addAll(run.value.requests());
      }
    }
    Counts counts = Counts.of(cases);
    if (layer == Layer.PERF && cases.isEmpty()) {
      int passed = (int) assertions.stream().filter(PerfAssertion::passed).count();
      counts = new Counts(assertions.size(), passed, assertions.size() - passed, 0, 0);
    }
    return new LayerEvidence(layer, sources, counts, cases, problems, verifications, pactFiles, assertions,
        requests, coverage);
  }

  /** A test case that two roots both hold would count twice: a problem of the second root's layer. */
  private static Map<Layer, LayerEvidence> duplicatesAcrossRoots(List<Path> roots, Map<Layer, LayerEvidence> layers) {
    if (roots.size() < 2) {
      return layers;
    }
    List<Path> absolute = roots.stream().map(r -> r.toAbsolutePath().normalize())
        .sorted(Comparator.comparingInt((Path p) -> p.getNameCount()).reversed()).toList();
    Map<String, Path> rootOfTest = new HashMap<>();
    Map<Layer, LayerEvidence> checked = new EnumMap<>(Layer.class);
    for (Map.Entry<Layer, LayerEvidence> entry : layers.entrySet()) {
      List<Problem> duplicates = new ArrayList<>();
      for (TestCase testCase : entry.getValue().testCases()) {
        Path root = absolute.stream().filter(r -> testCase.source().startsWith(r)).findFirst().orElse(null);
        Path first = rootOfTest.putIfAbsent(testCase.id(), root);
        if (first != null && !first.equals(root)) {
          duplicates.add(new Problem(testCase.source(), "test " + testCase.id() + " is also in root " + first
              + ": the same result would count twice (roots overlap, or a job's results were copied)"));
        }
      }
      checked.put(entry.getKey(), duplicates.isEmpty() ? entry.getValue() : entry.getValue().withProblems(duplicates));
    }
    return checked;
  }

  /** A file read, or why it could not be. */
  private record Outcome<T>(Path file, T value, Problem problem) {}

  @FunctionalInterface
  private interface Reader<T> {
    T read(Path file) throws UnreadableEvidenceException;
  }

  private static <T> List<Outcome<T>> readAll(List<Path> files, Reader<T> reader) {
    return sorted(files).parallelStream().map(file -> {
      try {
        return new Outcome<>(file, reader.read(file), null);
      } catch (UnreadableEvidenceException e) {
        return new Outcome<T>(file, null, e.toProblem());
      }
    }).toList();
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

  private static void walk(Path root, Matchers matchers, Map<Layer, Found> found, List<Problem> unreadable) {
    if (!Files.isDirectory(root)) {
      unreadable.add(new Problem(root, "no such result directory"));
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
          }
          if (NOT_SEARCHED.contains(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Path relative = Matchers.matchable(root.relativize(dir));
          boolean run = false;
          for (Layer layer : Layer.values()) {
            if (Matchers.any(matchers.gatling.get(layer), relative)) {
              found.get(layer).gatling.add(dir);
              run = true;
            }
          }
          return run ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          Path relative = Matchers.matchable(root.relativize(file));
          for (Layer layer : Layer.values()) {
            Found into = found.get(layer);
            if (Matchers.any(matchers.junit.get(layer), relative)) {
              into.junit.add(file);
            }
            if (Matchers.any(matchers.allure.get(layer), relative)) {
              into.allure.add(file);
              matchers.allureLayers.computeIfAbsent(file, f -> new ArrayList<>()).add(layer);
            }
            if (Matchers.any(matchers.pacts.get(layer), relative)) {
              into.pacts.add(file);
            }
            if (Matchers.any(matchers.pactReports.get(layer), relative)) {
              into.pactReports.add(file);
            }
            if (Matchers.any(matchers.jacoco.get(layer), relative)) {
              into.jacoco.add(file);
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // An unreadable directory must not hide evidence silently.
          unreadable.add(new Problem(file, "cannot read: " + e.getMessage()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      unreadable.add(new Problem(root, "cannot search: " + e.getMessage()));
    }
  }

  /** Result files found for one layer, by kind. */
  private static final class Found {
    final List<Path> junit = new ArrayList<>();
    final List<Path> allure = new ArrayList<>();
    final List<Path> pacts = new ArrayList<>();
    final List<Path> pactReports = new ArrayList<>();
    final List<Path> jacoco = new ArrayList<>();
    final List<Path> gatling = new ArrayList<>();
  }

  /** The compiled globs of every layer. */
  private static final class Matchers {
    final Map<Layer, List<PathMatcher>> junit = new EnumMap<>(Layer.class);
    final Map<Layer, List<PathMatcher>> allure = new EnumMap<>(Layer.class);
    final Map<Layer, List<PathMatcher>> pacts = new EnumMap<>(Layer.class);
    final Map<Layer, List<PathMatcher>> pactReports = new EnumMap<>(Layer.class);
    final Map<Layer, List<PathMatcher>> jacoco = new EnumMap<>(Layer.class);
    final Map<Layer, List<PathMatcher>> gatling = new EnumMap<>(Layer.class);
    final Map<Path, List<Layer>> allureLayers = new HashMap<>();

    Matchers(Sources sources) {
      for (Layer layer : Layer.values()) {
        Sources.LayerSources of = sources.of(layer);
        junit.put(layer, compile(of.junit()));
        allure.put(layer, compile(of.allure()));
        pacts.put(layer, compile(of.pacts()));
        pactReports.put(layer, compile(of.pactReports()));
        jacoco.put(layer, compile(of.jacoco()));
        gatling.put(layer, compile(of.gatling()));
      }
    }

    List<Layer> allureLayers(Path file) {
      return allureLayers.getOrDefault(file, List.of());
    }

    // "**/" in a glob needs at least one directory; a root that is itself a module has none.
    static Path matchable(Path relative) {
      return Path.of("root").resolve(relative);
    }

    static boolean any(List<PathMatcher> matchers, Path relative) {
      for (PathMatcher matcher : matchers) {
        if (matcher.matches(relative)) {
          return true;
        }
      }
      return false;
    }

    private static List<PathMatcher> compile(List<String> globs) {
      return globs.stream()
          .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + (glob.startsWith("**/") ? glob : "root/" + glob)))
          .toList();
    }
  }
}
