package dev.pyramid.reporting.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Finds the result files of every layer under one or more result roots, by the {@link Sources} globs,
 * and reads them into {@link Evidence}.
 *
 * <p>{@code node_modules}, {@code .git}, {@code src} and {@code .pyramid} (stamps, history) are not
 * searched. Of several Gatling runs of one simulation in one directory only the newest is read. A file
 * that cannot be read becomes a {@link Problem} of its layer, and so does a test case (same class and
 * name) that a second root holds again: nothing is skipped or counted twice silently. A directory that
 * cannot be searched is a problem of every layer.
 *
 * <p>Each root is walked once. Each file is read once, however many layers' globs match it: its bytes
 * are hashed (SHA-256, for the stamp check, which gets each root's {@link FilesSum} added up as the files
 * are read) and parsed from the same array. Files are read by a pool of
 * one thread per available processor; the results are put in path order, so the evidence does not
 * depend on the threads' timing. Thread-safe: holds no state between calls.
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
    // The same root given twice is searched once: its files would otherwise count twice.
    Map<Path, RootWalk> walks = new LinkedHashMap<>();
    for (Path root : roots) {
      walks.computeIfAbsent(root.toAbsolutePath().normalize(), absolute -> new RootWalk(absolute, walks.size()));
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "pyramid-evidence-reader");
      thread.setDaemon(true);
      return thread;
    });
    Map<Layer, LayerEvidence> layers = new EnumMap<>(Layer.class);
    Read[] ordered;
    Map<Path, RootFiles> files = new LinkedHashMap<>();
    try {
      // The readers start while the walk is still finding files: the walk waits on the file system, the
      // readers mostly on the CPU.
      Readers readers = new Readers(pool, threads, walks.size());
      Walked walked = new Walked(readers);
      for (RootWalk root : walks.values()) {
        walk(root, matchers, found, unreadable, walked);
      }
      ordered = readAll(found, walked, readers);
      Map<Layer, AllureFiles> allureFiles = allureByLayer(ordered, walks.values().toArray(new RootWalk[0]));
      // Layers are independent once every file is read: assembled side by side, put in layer order.
      Map<Layer, Future<LayerEvidence>> assembling = new EnumMap<>(Layer.class);
      for (Layer layer : Layer.values()) {
        assembling.put(layer, pool.submit(() -> assemble(layer, found.get(layer), ordered, allureFiles.get(layer))));
      }
      for (RootWalk root : walks.values()) {
        files.put(root.root, new RootFiles(root.files, root.unhashed, readers.sums[root.index]));
      }
      for (Layer layer : Layer.values()) {
        layers.put(layer, await(assembling.get(layer)));
      }
    } finally {
      pool.shutdownNow();
    }
    layers = duplicatesAcrossRoots(roots, layers);
    if (!unreadable.isEmpty()) {
      layers.replaceAll((layer, evidence) -> evidence.withProblems(unreadable));
    }
    Set<Path> runDirectories = new HashSet<>();
    for (Found layer : found.values()) {
      for (Read run : layer.gatlingRuns) {
        runDirectories.add(run.path);
      }
    }
    return new Evidence(roots, layers, new Digests(ordered), files, runDirectories);
  }

  /** A root as walked: its place among the roots, every regular file found, and those not hashed. */
  private static final class RootWalk {
    final Path root;
    final int index;
    final List<Path> files = new ArrayList<>();
    final List<Path> unhashed = new ArrayList<>();

    RootWalk(Path root, int index) {
      this.root = root;
      this.index = index;
    }
  }

  /**
   * The hash of every file read, by path, as lowercase hex: what the stamp check compares when the sums
   * differ and it names the files. Built on first use (100,000 hex strings a check that adds up never needs).
   */
  private static final class Digests extends java.util.AbstractMap<Path, String> {
    private final Read[] reads;
    private Map<Path, String> map;

    Digests(Read[] reads) {
      this.reads = reads;
    }

    private synchronized Map<Path, String> map() {
      if (map == null) {
        map = new HashMap<>(reads.length * 4 / 3 + 1);
        HexFormat hex = HexFormat.of();
        for (Read read : reads) {
          if (read.sha256 != null) {
            map.put(read.path, hex.formatHex(read.sha256));
          }
        }
      }
      return map;
    }

    @Override
    public String get(Object path) {
      return map().get(path);
    }

    @Override
    public boolean containsKey(Object path) {
      return map().containsKey(path);
    }

    @Override
    public int size() {
      return map().size();
    }

    @Override
    public Set<Entry<Path, String>> entrySet() {
      return map().entrySet();
    }
  }

  /** One layer's Allure result files, in path order: each file, and its result or problem. */
  private static final class AllureFiles {
    final List<Path> sources = new ArrayList<>();
    final List<AllureResultReader.Result> results = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
  }

  /**
   * The Allure results of each layer, in path order, in one pass over every file read (100,000 of them in a
   * large result set: one pass, not one per layer): a result goes to the layer its reader decided
   * ({@link Read#allureLayer}); one that could not be read or placed goes to every layer whose globs match
   * it, as a problem of each. The same pass gives each root the files that could not be read, which no
   * reader hashed.
   */
  private static Map<Layer, AllureFiles> allureByLayer(Read[] ordered, RootWalk[] roots) {
    Map<Layer, AllureFiles> byLayer = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      byLayer.put(layer, new AllureFiles());
    }
    for (Read read : ordered) {
      if (read.relative != null && read.sha256 == null) {
        roots[read.root].unhashed.add(read.path);
      }
      if ((read.kinds & Kind.ALLURE.bit) == 0) {
        continue;
      }
      Outcome<AllureResultReader.Result> result = read.outcome(Kind.ALLURE);
      if (read.allureLayer != null) {
        AllureFiles into = byLayer.get(read.allureLayer);
        into.sources.add(read.path);
        into.results.add(result.value);
        continue;
      }
      Problem problem = result.problem != null ? result.problem
          : unplaced(read.path, result.value.layerLabel(), read.allureLayers);
      for (Layer layer : LAYERS) {
        if ((read.allureLayers & (1 << layer.ordinal())) != 0) {
          byLayer.get(layer).sources.add(read.path);
          byLayer.get(layer).problems.add(problem);
        }
      }
    }
    return byLayer;
  }

  private LayerEvidence assemble(Layer layer, Found found, Read[] read, AllureFiles allure) {
    List<Path> sources = new ArrayList<>();
    List<TestCase> cases = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (JUnitXmlReader.Report report : EvidenceCollector.<JUnitXmlReader.Report>values(found.junit, read, Kind.JUNIT,
        sources, problems)) {
      cases.addAll(report.testCases());
    }
    sources.addAll(allure.sources);
    problems.addAll(allure.problems);
    cases.addAll(AllureResultReader.merge(allure.results));
    List<PactVerification> verifications = new ArrayList<>();
    for (List<PactVerification> report : EvidenceCollector.<List<PactVerification>>values(found.pactReports, read,
        Kind.PACT_REPORT, sources, problems)) {
      verifications.addAll(report);
    }
    List<PactFile> pactFiles = values(found.pacts, read, Kind.PACT, sources, problems);
    List<Coverage> coverage = values(found.jacoco, read, Kind.JACOCO, sources, problems);
    List<PerfAssertion> assertions = new ArrayList<>();
    List<RequestStats> requests = new ArrayList<>();
    for (GatlingReportReader.Run run : EvidenceCollector.<GatlingReportReader.Run>values(found.gatlingRuns, read,
        Kind.GATLING, sources, problems)) {
      assertions.addAll(run.assertions());
      requests.addAll(run.requests());
    }
    Counts counts = Counts.of(cases);
    if (layer == Layer.PERF && cases.isEmpty()) {
      int passed = (int) assertions.stream().filter(PerfAssertion::passed).count();
      counts = new Counts(assertions.size(), passed, assertions.size() - passed, 0, 0);
    }
    return new LayerEvidence(layer, sources, counts, cases, problems, verifications, pactFiles, assertions,
        requests, coverage);
  }

  /**
   * A test case that two roots both hold would count twice: a problem of the second root's layer. Each
   * file's root (the deepest root holding it) is found once per file; each test case costs one lookup.
   */
  private static Map<Layer, LayerEvidence> duplicatesAcrossRoots(List<Path> roots, Map<Layer, LayerEvidence> layers) {
    if (roots.size() < 2) {
      return layers;
    }
    List<Path> absolute = roots.stream().map(r -> r.toAbsolutePath().normalize())
        .sorted(Comparator.comparingInt((Path p) -> p.getNameCount()).reversed()).toList();
    Map<Path, Optional<Path>> rootOfFile = new HashMap<>();
    Map<String, Path> rootOfTest = new HashMap<>();
    Map<Layer, LayerEvidence> checked = new EnumMap<>(Layer.class);
    for (Map.Entry<Layer, LayerEvidence> entry : layers.entrySet()) {
      List<Problem> duplicates = new ArrayList<>();
      for (TestCase testCase : entry.getValue().testCases()) {
        Path root = rootOfFile.computeIfAbsent(testCase.source(),
            source -> absolute.stream().filter(source::startsWith).findFirst()).orElse(null);
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

  /** What is read from a path. */
  private enum Kind {
    JUNIT,
    ALLURE,
    PACT,
    PACT_REPORT,
    JACOCO,
    GATLING;

    /** This kind in a {@link Read#kinds} mask. */
    final int bit = 1 << ordinal();
  }

  private static final Kind[] KINDS = Kind.values();
  private static final Layer[] LAYERS = Layer.values();

  /**
   * The layer an Allure result belongs to: the layer its {@code layer} label names, if that layer's globs
   * match the file; for a result without a label, or with a label that names no Pyramid layer (a team's
   * own "api"), the one layer whose globs match it. Null when the label names a layer whose globs do not
   * match the file, or several layers match and no label chooses: the result is then a problem of each
   * matching layer ({@link #unplaced}), never dropped or counted where it does not belong.
   */
  private static Layer placed(String label, int layers) {
    if (!label.isEmpty()) {
      for (Layer layer : LAYERS) {
        if (layer.id().equalsIgnoreCase(label)) {
          return (layers & (1 << layer.ordinal())) != 0 ? layer : null;
        }
      }
    }
    return Integer.bitCount(layers) == 1 ? LAYERS[Integer.numberOfTrailingZeros(layers)] : null;
  }

  /** Why an Allure result that {@link #placed} could not place belongs to no layer, and the fix. */
  private static Problem unplaced(Path file, String label, int layers) {
    List<Layer> matching = new ArrayList<>();
    for (Layer layer : LAYERS) {
      if ((layers & (1 << layer.ordinal())) != 0) {
        matching.add(layer);
      }
    }
    java.util.Optional<Layer> named = label.isEmpty() ? java.util.Optional.empty() : Layer.byId(label);
    if (named.isPresent()) {
      return new Problem(file, "labelled for layer " + named.get() + ", but only the Allure globs of " + matching
          + " match it: add it to the allure sources of " + named.get() + " in the policy, or correct the label");
    }
    String why = label.isEmpty() ? "it has no \"layer\" label" : "its \"layer\" label \"" + label
        + "\" names no layer";
    return new Problem(file, "the Allure globs of several layers (" + matching + ") match it and " + why
        + ": label the test with its layer, or narrow the layers' allure globs in the policy's sources");
  }

  /**
   * One path found: a file (read once however many layers and kinds list it) or a Gatling run directory.
   * Created by the walk (one thread), filled by one reader thread, read by the collecting thread after the
   * pool has finished (the pool's completion orders these).
   */
  private static final class Read {
    final Path path;
    final Directory directory;
    final String name;
    /** What is read from it: a mask of {@link Kind#bit}s. */
    int kinds;
    /** The layers whose Allure globs match this file: a mask of bits by {@link Layer#ordinal()}. */
    int allureLayers;
    /** The layer its Allure result belongs to ({@link #placed}); null when unread or not placed. */
    Layer allureLayer;
    /** The path's place in path order among all paths read. */
    int index;
    /** Its path relative to its root, and that root's place among the roots; null for a Gatling run. */
    String relative;
    int root;
    /** The SHA-256 of the bytes read; null until read, or when it could not be. */
    byte[] sha256;
    final Outcome<?>[] outcomes = new Outcome<?>[KINDS.length];

    /** The name's first eight chars, sixteen bits each, for {@link #IN_PATH_ORDER}. */
    final long head;
    final long next;

    Read(Path path, Directory directory, String name) {
      this.path = path;
      this.directory = directory;
      this.name = name;
      this.head = chars(name, 0);
      this.next = chars(name, 4);
    }

    /** Chars {@code from} to {@code from + 3} of {@code name}, 0 past its end, as one unsigned number. */
    private static long chars(String name, int from) {
      long chars = 0;
      for (int i = from; i < from + 4; i++) {
        chars = (chars << 16) | (i < name.length() ? name.charAt(i) : 0);
      }
      return chars;
    }

    @SuppressWarnings("unchecked")
    <T> Outcome<T> outcome(Kind kind) {
      return (Outcome<T>) outcomes[kind.ordinal()];
    }

    boolean is(Kind kind) {
      return (kinds & kind.bit) != 0;
    }
  }

  /** A directory the walk entered; files are put in order by their directory's rank, then name. */
  private static final class Directory {
    final Path path;
    int rank;

    Directory(Path path) {
      this.path = path;
    }
  }

  /** What the walks found, across roots, in the order found. */
  private static final class Walked {
    final List<Directory> directories = new ArrayList<>();
    final List<Read> files = new ArrayList<>();
    final Readers readers;

    Walked(Readers readers) {
      this.readers = readers;
    }

    void found(Read file) {
      files.add(file);
      readers.add(file);
    }
  }

  /** {@code files} in path order: ranks were given in that order, so this sorts ints, not paths. */
  private static List<Read> ordered(List<Read> files, Read[] all) {
    int[] order = new int[files.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = files.get(i).index;
    }
    Arrays.sort(order);
    List<Read> ordered = new ArrayList<>(order.length);
    for (int index : order) {
      ordered.add(all[index]);
    }
    return ordered;
  }

  /**
   * What {@code kind} read from {@code files}, in path order. Every file goes to {@code sources}; a file
   * that could not be read goes to {@code problems} instead of the values.
   */
  private static <T> List<T> values(List<Read> files, Read[] all, Kind kind, List<Path> sources,
      List<Problem> problems) {
    List<T> values = new ArrayList<>(files.size());
    for (Read read : ordered(files, all)) {
      Outcome<T> outcome = read.outcome(kind);
      sources.add(outcome.file);
      if (outcome.problem != null) {
        problems.add(outcome.problem);
      } else {
        values.add(outcome.value);
      }
    }
    return values;
  }

  /**
   * Reads the Gatling runs (known only once the walk is over), numbers the paths in path order while the
   * readers read (by directory, {@link Path#compareTo}, then file name: deterministic, and cheap where
   * 100,000 files share one long directory, which a whole-path comparison would scan every time), then
   * waits for every read.
   */
  private Read[] readAll(Map<Layer, Found> found, Walked walked, Readers readers) {
    Map<Path, Read> runs = new HashMap<>();
    for (Found layer : found.values()) {
      for (Path run : newestRunPerSimulation(layer.gatling)) {
        Read read = runs.computeIfAbsent(run, r -> {
          Directory directory = new Directory(r.getParent() == null ? r : r.getParent());
          walked.directories.add(directory);
          Read created = new Read(r, directory, r.getFileName().toString());
          created.kinds |= Kind.GATLING.bit;
          walked.files.add(created);
          readers.add(created);
          return created;
        });
        layer.gatlingRuns.add(read);
      }
    }
    Directory[] directories = walked.directories.toArray(new Directory[0]);
    Arrays.sort(directories, Comparator.comparing((Directory d) -> d.path));
    for (int i = 0; i < directories.length; i++) {
      directories[i].rank = i > 0 && directories[i].path.equals(directories[i - 1].path)
          ? directories[i - 1].rank : i;
    }
    Read[] paths = walked.files.toArray(new Read[0]);
    Arrays.sort(paths, IN_PATH_ORDER);
    for (int i = 0; i < paths.length; i++) {
      paths[i].index = i; // no reader touches it
    }
    readers.finish();
    return paths;
  }

  /**
   * By directory rank, then file name ({@link String#compareTo}): the names' first eight chars are compared
   * as two numbers, which decides nearly every pair (100,000 result names differ within eight chars), and
   * only names equal that far are compared whole. Padding with 0 keeps a name before every longer one it
   * begins. One call per comparison, where a composed comparator makes three.
   */
  private static final Comparator<Read> IN_PATH_ORDER = (a, b) -> {
    if (a.directory.rank != b.directory.rank) {
      return Integer.compare(a.directory.rank, b.directory.rank);
    }
    if (a.head != b.head) {
      return Long.compareUnsigned(a.head, b.head);
    }
    if (a.next != b.next) {
      return Long.compareUnsigned(a.next, b.next);
    }
    return a.name.compareTo(b.name);
  };

  /**
   * The reader threads: each takes the next batch of paths found from the queue until the end mark.
   * Paths are handed over in batches: one hand-over per path costs the walk a lock and a wake-up each,
   * which on 100,000 files made the walk, not the reading, the bottleneck.
   */
  private final class Readers {
    private static final int BATCH = 256;
    private final BlockingQueue<List<Read>> queue = new LinkedBlockingQueue<>();
    private final List<Read> end = List.of();
    private final List<Future<ReaderState>> running = new ArrayList<>();
    private final int threads;
    private List<Read> batch = new ArrayList<>(BATCH);
    /** Per root (by index), the {@link FilesSum} of the files hashed: complete once {@link #finish} returns. */
    final FilesSum[] sums;

    Readers(ExecutorService pool, int threads, int roots) {
      this.threads = threads;
      this.sums = new FilesSum[roots];
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          ReaderState state = new ReaderState(roots);
          for (List<Read> next = take(); next != end; next = take()) {
            for (Read read : next) {
              read(read, state);
            }
          }
          return state;
        }));
      }
    }

    /** Queues {@code read}; called by the walking thread only. */
    void add(Read read) {
      batch.add(read);
      if (batch.size() == BATCH) {
        queue.add(batch);
        batch = new ArrayList<>(BATCH);
      }
    }

    private List<Read> take() {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return end;
      }
    }

    /** Waits until every path queued so far is read. */
    void finish() {
      if (!batch.isEmpty()) {
        queue.add(batch);
        batch = new ArrayList<>(BATCH);
      }
      for (int t = 0; t < threads; t++) {
        queue.add(end);
      }
      for (int root = 0; root < sums.length; root++) {
        sums[root] = new FilesSum();
      }
      for (Future<ReaderState> future : running) {
        ReaderState state = await(future);
        for (int root = 0; root < sums.length; root++) {
          sums[root].add(state.sums[root]);
        }
      }
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the evidence", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a reader failed unexpectedly: " + e.getCause(), e.getCause());
    }
  }

  /**
   * A reader thread's tools: its digest, a read buffer reused from file to file (100,000 result files of a
   * kilobyte or two would otherwise each be a new array), and the sums of what it hashed, per root.
   */
  private static final class ReaderState {
    final MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    final FilesSum[] sums;

    ReaderState(int roots) {
      sums = new FilesSum[roots];
      for (int root = 0; root < roots; root++) {
        sums[root] = new FilesSum();
      }
    }
  }

  /** Reads a file's bytes once (a Gatling run directory is read by its reader), hashes and parses them. */
  private void read(Read into, ReaderState state) {
    Path path = into.path;
    if (into.is(Kind.GATLING)) {
      into.outcomes[Kind.GATLING.ordinal()] = outcome(path, () -> gatling.read(path));
      if (into.kinds == Kind.GATLING.bit) {
        return;
      }
    }
    int length;
    try (SeekableByteChannel channel = Files.newByteChannel(path)) {
      length = 0;
      while (true) {
        if (length == state.buffer.length) {
          state.buffer = Arrays.copyOf(state.buffer, state.buffer.length * 2);
        }
        int n = channel.read(ByteBuffer.wrap(state.buffer, length, state.buffer.length - length));
        if (n < 0) {
          break;
        }
        length += n;
      }
    } catch (IOException | RuntimeException e) {
      Problem problem = new Problem(path, "cannot read: " + e.getMessage());
      for (Kind kind : KINDS) {
        if (into.is(kind) && into.outcomes[kind.ordinal()] == null) {
          into.outcomes[kind.ordinal()] = new Outcome<>(path, null, problem);
        }
      }
      return;
    }
    byte[] buffer = state.buffer;
    MessageDigest digest = state.digest;
    digest.reset();
    digest.update(buffer, 0, length);
    into.sha256 = digest.digest();
    state.sums[into.root].add(into.relative, into.sha256);
    if (into.kinds == Kind.ALLURE.bit) {
      // The common case of a large result set: parsed straight from the buffer.
      into.outcomes[Kind.ALLURE.ordinal()] = readAllure(into, buffer, length);
      return;
    }
    byte[] bytes = Arrays.copyOf(buffer, length); // readers that keep or stream from the array get their own
    for (Kind kind : KINDS) {
      if (!into.is(kind)) {
        continue;
      }
      Outcome<?> outcome = switch (kind) {
        case JUNIT -> outcome(path, () -> junit.read(path, bytes));
        case ALLURE -> readAllure(into, bytes, bytes.length);
        case PACT -> outcome(path, () -> pact.readPact(path, bytes));
        case PACT_REPORT -> outcome(path, () -> pact.read(path, bytes));
        case JACOCO -> outcome(path, () -> jacoco.read(path, bytes));
        case GATLING -> into.outcomes[kind.ordinal()]; // read above
      };
      into.outcomes[kind.ordinal()] = outcome;
    }
  }

  /** Reads the Allure result in the first {@code length} bytes of {@code bytes} and places it in its layer. */
  private Outcome<AllureResultReader.Result> readAllure(Read into, byte[] bytes, int length) {
    try {
      AllureResultReader.Result result = allure.read(into.path, bytes, length);
      into.allureLayer = placed(result.layerLabel(), into.allureLayers);
      return new Outcome<>(into.path, result, null);
    } catch (UnreadableEvidenceException e) {
      return new Outcome<>(into.path, null, e.toProblem());
    }
  }

  @FunctionalInterface
  private interface Reader<T> {
    T read() throws UnreadableEvidenceException;
  }

  private static <T> Outcome<T> outcome(Path file, Reader<T> reader) {
    try {
      return new Outcome<>(file, reader.read(), null);
    } catch (UnreadableEvidenceException e) {
      return new Outcome<>(file, null, e.toProblem());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Gatling names runs {@code <simulation>-<yyyyMMddHHmmssSSS>}, so the newest sorts last. */
  private static List<Path> newestRunPerSimulation(List<Path> runs) {
    Map<String, Path> newest = new LinkedHashMap<>();
    for (Path run : sorted(runs)) {
      newest.put(run.getParent() + "|" + GatlingReportReader.simulationOf(run), run);
    }
    return List.copyOf(newest.values());
  }

  /** Paths in {@link Path#compareTo} order: deterministic, without making a string of each. */
  private static List<Path> sorted(List<Path> paths) {
    Path[] array = paths.toArray(new Path[0]);
    Arrays.sort(array);
    return Arrays.asList(array);
  }

  /**
   * Walks {@code root}: every file a result glob matches becomes a {@link Read} (handed to the readers at
   * once), every regular file goes to the root's files (for the stamp check), and those no reader will hash
   * to its unhashed files too.
   *
   * <p>Only entries no glob matches are asked for their attributes (are they directories to enter?). A
   * matching entry is taken for a regular file without a stat, since it is about to be read anyway: on
   * 100,000 results a stat each was a third of the walk, and the walk feeds the readers. If such an entry
   * is no regular file after all, reading it fails and names it; a symbolic link is listed, so the stamp
   * check names it as not stamped (a stamp covers regular files only).
   */
  private static void walk(RootWalk root, Matchers matchers, Map<Layer, Found> found, List<Problem> unreadable,
      Walked walked) {
    if (!Files.isDirectory(root.root)) {
      unreadable.add(new Problem(root.root, "no such result directory"));
      return;
    }
    Directory top = new Directory(root.root);
    walked.directories.add(top);
    walkDirectory(root, root.root, "", top, matchers, found, unreadable, walked);
  }

  /** One directory of {@link #walk}; {@code prefix} is its path relative to the root, with a trailing '/'. */
  private static void walkDirectory(RootWalk root, Path dir, String prefix, Directory directory, Matchers matchers,
      Map<Layer, Found> found, List<Problem> unreadable, Walked walked) {
    List<Path> subdirectories = new ArrayList<>();
    // The names as the directory lists them (one String each), then a Path per entry: cheaper than a
    // DirectoryStream, whose entries would each need their file name turned back into a String.
    String[] names = dir.toFile().list();
    if (names == null) {
      String why;
      try (DirectoryStream<Path> again = Files.newDirectoryStream(dir)) {
        why = "the directory could not be listed";
      } catch (IOException e) {
        why = e.getMessage(); // File.list says nothing of why: ask again for the reason
      }
      unreadable.add(new Problem(dir, "cannot read: " + why));
      return;
    }
    for (String name : names) {
      Path entry = dir.resolve(name);
      String relative = prefix + name;
      Read read = matchers.match(root.root, entry, relative, name, directory, found);
      if (read != null) {
        read.relative = relative;
        read.root = root.index;
        root.files.add(entry);
        walked.found(read);
        continue;
      }
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        unreadable.add(new Problem(entry, "cannot read: " + e.getMessage())); // must not hide evidence silently
        continue;
      }
      if (attributes.isDirectory()) {
        subdirectories.add(entry);
      } else if (attributes.isRegularFile()) {
        root.files.add(entry);
        root.unhashed.add(entry);
      }
    }
    for (Path subdirectory : subdirectories) {
      String name = subdirectory.getFileName().toString();
      if (NOT_SEARCHED.contains(name)) {
        continue;
      }
      if (matchers.hasGatling) {
        Path relative = Matchers.matchable(root.root.relativize(subdirectory));
        boolean run = false;
        for (Layer layer : Layer.values()) {
          if (Matchers.any(matchers.gatling.get(layer), relative)) {
            found.get(layer).gatling.add(subdirectory);
            run = true;
          }
        }
        if (run) {
          // A run directory is not searched for other evidence, but its files are listed for the stamp check.
          list(subdirectory, root, unreadable);
          continue;
        }
      }
      Directory inner = new Directory(subdirectory);
      walked.directories.add(inner);
      walkDirectory(root, subdirectory, prefix + name + "/", inner, matchers, found, unreadable, walked);
    }
  }

  private static void list(Path dir, RootWalk root, List<Problem> unreadable) {
    try {
      RegularFiles.walk(dir, NOT_SEARCHED, file -> {
        root.files.add(file);
        root.unhashed.add(file);
      }, (file, e) -> unreadable.add(new Problem(file, "cannot read: " + e.getMessage())));
    } catch (IOException e) {
      unreadable.add(new Problem(dir, "cannot search: " + e.getMessage()));
    }
  }

  /** Result files found for one layer, by kind. */
  private static final class Found {
    final List<Read> junit = new ArrayList<>();
    final List<Read> pacts = new ArrayList<>();
    final List<Read> pactReports = new ArrayList<>();
    final List<Read> jacoco = new ArrayList<>();
    /** Every run directory a Gatling glob matched. */
    final List<Path> gatling = new ArrayList<>();
    /** The newest run of each simulation: what is read. */
    final List<Read> gatlingRuns = new ArrayList<>();
  }

  /**
   * The compiled file globs of every layer. Each distinct glob is tested once per file ({@link FileGlob}
   * rejects nearly every file by its name first).
   */
  private static final class Matchers {
    final Map<Layer, List<PathMatcher>> gatling = new EnumMap<>(Layer.class);
    final boolean hasGatling;
    private final List<FileGlob> globs = new ArrayList<>();
    /** Per distinct glob (index into globs): where a match goes. */
    private final List<List<Target>> targets = new ArrayList<>();

    private record Target(Layer layer, Kind kind) {}

    Matchers(Sources sources) {
      Map<String, Integer> index = new HashMap<>();
      boolean anyGatling = false;
      for (Layer layer : Layer.values()) {
        Sources.LayerSources of = sources.of(layer);
        add(index, of.junit(), layer, Kind.JUNIT);
        add(index, of.allure(), layer, Kind.ALLURE);
        add(index, of.pacts(), layer, Kind.PACT);
        add(index, of.pactReports(), layer, Kind.PACT_REPORT);
        add(index, of.jacoco(), layer, Kind.JACOCO);
        gatling.put(layer, of.gatling().stream().map(Matchers::full).toList());
        anyGatling |= !of.gatling().isEmpty();
      }
      hasGatling = anyGatling;
    }

    private void add(Map<String, Integer> index, List<String> patterns, Layer layer, Kind kind) {
      for (String pattern : patterns) {
        int i = index.computeIfAbsent(pattern, p -> {
          globs.add(new FileGlob(p));
          targets.add(new ArrayList<>());
          return globs.size() - 1;
        });
        if (!holds(targets.get(i), layer, kind)) {
          targets.get(i).add(new Target(layer, kind));
        }
      }
    }

    /**
     * True when {@code targets} holds {@code layer} and {@code kind}. Compared by hand: a record's generated
     * {@code equals} is bootstrapped (method handles) on its first call, which lies on the path to the walk.
     */
    private static boolean holds(List<Target> targets, Layer layer, Kind kind) {
      for (Target target : targets) {
        if (target.layer == layer && target.kind == kind) {
          return true;
        }
      }
      return false;
    }

    /**
     * Sorts {@code file} into every layer and kind whose glob matches it; null when none does. Called by
     * one thread only.
     */
    Read match(Path root, Path file, String relative, String name, Directory directory, Map<Layer, Found> found) {
      Read read = null;
      for (int i = 0; i < globs.size(); i++) {
        if (!globs.get(i).matches(relative, root, file)) {
          continue;
        }
        if (read == null) {
          read = new Read(file, directory, name);
        }
        for (Target target : targets.get(i)) {
          Found into = found.get(target.layer);
          read.kinds |= target.kind.bit;
          switch (target.kind) {
            case JUNIT -> into.junit.add(read);
            case ALLURE -> read.allureLayers |= 1 << target.layer.ordinal(); // grouped by layer once read
            case PACT -> into.pacts.add(read);
            case PACT_REPORT -> into.pactReports.add(read);
            case JACOCO -> into.jacoco.add(read);
            case GATLING -> {
              // run directories are matched in preVisitDirectory
            }
          }
        }
      }
      return read;
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

    private static PathMatcher full(String glob) {
      return FileSystems.getDefault().getPathMatcher("glob:" + (glob.startsWith("**/") ? glob : "root/" + glob));
    }

  }
}
