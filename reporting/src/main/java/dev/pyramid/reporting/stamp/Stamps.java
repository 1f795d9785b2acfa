package dev.pyramid.reporting.stamp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.results.FilesSum;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.results.RegularFiles;
import dev.pyramid.reporting.results.RootFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Writes and checks stamps ({@value Stamp#FILE} and the manifest {@value Stamp#MANIFEST} in a result root).
 *
 * <p>The manifest covers every regular file below the root that matches the stamp's include globs,
 * except the directories the gate never searches ({@link EvidenceCollector#NOT_SEARCHED}, which include
 * {@code .pyramid} where the stamp itself lies). A check refuses: a root without a stamp, a stamp for
 * another commit or build, a covered file whose hash changed, a manifest file that is gone, a covered
 * file that is not in the manifest (added after stamping, or left out as stale), a manifest that
 * no longer has the hash the stamp holds. It first compares the {@link FilesSum} of the files found with the
 * stamp's; only when they differ does it read the manifest, to name each file. Thread-safe.
 */
public final class Stamps {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Stamps() {}

  /**
   * Stamps {@code root}: hashes every covered file, writes the manifest, then {@value Stamp#FILE}.
   *
   * @param include globs relative to the root; empty means every file
   * @param notBefore files last modified before this instant (results of an earlier build) are left out
   *     of the manifest and listed as stale; null to keep every file
   */
  public static Stamp write(Path root, BuildIdentity build, List<String> include, Instant notBefore, Instant now)
      throws IOException {
    List<String> globs = include.isEmpty() ? List.of("**") : include;
    TreeMap<String, String> manifest = new TreeMap<>();
    List<String> stale = new ArrayList<>();
    List<Path> files = covered(root, globs);
    List<String[]> hashed = files.parallelStream().map(file -> {
      try {
        if (notBefore != null && Files.getLastModifiedTime(file).toInstant().isBefore(notBefore)) {
          return new String[] {relative(root, file), null};
        }
        return new String[] {relative(root, file), sha256(file)};
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
    for (String[] entry : hashed) {
      if (entry[1] == null) {
        stale.add(entry[0]);
      } else {
        manifest.put(entry[0], entry[1]);
      }
    }
    Path file = root.resolve(Stamp.FILE);
    Files.createDirectories(file.getParent());
    // The manifest first: a stamp.json is never there without the manifest whose hash it holds.
    Path manifestFile = root.resolve(Stamp.MANIFEST);
    Path temporary = Files.createTempFile(manifestFile.getParent(), "manifest", ".tmp");
    FilesSum sum = new FilesSum();
    try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> entry : manifest.entrySet()) {
        out.write(manifestLine(entry.getKey(), entry.getValue()));
        sum.add(entry.getKey(), entry.getValue());
      }
    }
    Files.move(temporary, manifestFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Stamp stamp = new Stamp(build, now, globs, manifest.size(), sha256(manifestFile), sum.hex(), stale);
    temporary = Files.createTempFile(file.getParent(), "stamp", ".tmp");
    JSON.writeValue(temporary.toFile(), tree(stamp));
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return stamp;
  }

  /**
   * One line of the manifest as {@code sha256sum} writes it: {@code <hash>  <path>}; a path with a
   * backslash, newline or carriage return is escaped and the line starts with a backslash.
   */
  static String manifestLine(String relative, String sha256) {
    if (relative.indexOf('\\') < 0 && relative.indexOf('\n') < 0 && relative.indexOf('\r') < 0) {
      return sha256 + "  " + relative + "\n";
    }
    String escaped = relative.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    return "\\" + sha256 + "  " + escaped + "\n";
  }

  /** Reads the manifest of {@code root}: path to SHA-256, or throws naming the file and line. */
  private static Map<String, String> readManifest(Path root) throws IOException {
    Path file = root.resolve(Stamp.MANIFEST);
    Map<String, String> manifest = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        boolean escaped = line.startsWith("\\");
        String text = escaped ? line.substring(1) : line;
        if (text.length() < 67 || text.charAt(64) != ' ' || text.charAt(65) != ' '
            || !text.substring(0, 64).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
          throw new IOException(file + ":" + number + ": not a \"<sha256>  <path>\" line");
        }
        String path = text.substring(66);
        if (escaped) {
          path = unescape(path);
        }
        if (manifest.put(path, text.substring(0, 64)) != null) {
          throw new IOException(file + ":" + number + ": " + path + " is listed twice");
        }
      }
    }
    return manifest;
  }

  private static String unescape(String path) {
    StringBuilder text = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length()) {
        char next = path.charAt(++i);
        text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  /** Reads the stamp of {@code root}; empty when there is none, a problem when it is unreadable. */
  public static Optional<Stamp> read(Path root) throws IOException {
    Path file = root.resolve(Stamp.FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    int schemaVersion = -1;
    String commit = "";
    String buildId = "";
    String stampedAt = "";
    int files = -1;
    String manifestSha256 = "";
    String filesSum = "";
    List<String> include = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    try (JsonParser json = JSON.getFactory().createParser(Files.readAllBytes(file))) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file + ": not a stamp of schema version " + Stamp.SCHEMA_VERSION);
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "schemaVersion" -> schemaVersion = value == JsonToken.VALUE_NUMBER_INT ? json.getIntValue() : -1;
          case "commit" -> commit = scalar(json, value);
          case "buildId" -> buildId = scalar(json, value);
          case "stampedAt" -> stampedAt = scalar(json, value);
          case "files" -> files = value == JsonToken.VALUE_NUMBER_INT ? json.getIntValue() : -1;
          case "manifestSha256" -> manifestSha256 = scalar(json, value);
          case "filesSum" -> filesSum = scalar(json, value);
          case "include" -> strings(json, value, include);
          case "stale" -> strings(json, value, stale);
          default -> json.skipChildren();
        }
      }
      if (json.nextToken() != null) {
        throw new IOException(file + ": not valid JSON: more than one value");
      }
    } catch (JacksonException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (schemaVersion != Stamp.SCHEMA_VERSION) {
      throw new IOException(file + ": not a stamp of schema version " + Stamp.SCHEMA_VERSION
          + " (stamped by an older pyramid? stamp the results again)");
    }
    if (commit.isEmpty() || buildId.isEmpty() || include.isEmpty() || files < 0
        || !manifestSha256.matches("[0-9a-f]{64}") || !filesSum.matches("[0-9a-f]{64}")) {
      throw new IOException(file + ": no commit, buildId, include, files, manifestSha256 or filesSum");
    }
    try {
      return Optional.of(new Stamp(new BuildIdentity(commit, buildId), Instant.parse(stampedAt), include, files,
          manifestSha256, filesSum, stale));
    } catch (DateTimeParseException e) {
      throw new IOException(file + ": stampedAt is not an instant", e);
    }
  }

  /** A scalar as text ({@code JsonNode.asText}); objects and arrays are skipped and read as empty. */
  private static String scalar(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      json.skipChildren();
      return "";
    }
    return value == JsonToken.VALUE_NULL ? "" : json.getText();
  }

  private static void strings(JsonParser json, JsonToken value, List<String> into) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      json.skipChildren();
      return;
    }
    for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
      into.add(scalar(json, item));
    }
  }

  private static Map<String, Object> tree(Stamp stamp) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("schemaVersion", Stamp.SCHEMA_VERSION);
    tree.put("commit", stamp.build().commit());
    tree.put("buildId", stamp.build().buildId());
    tree.put("stampedAt", stamp.stampedAt().toString());
    tree.put("include", stamp.include());
    tree.put("stale", stamp.stale());
    tree.put("files", stamp.files());
    tree.put("manifest", Stamp.MANIFEST);
    tree.put("manifestSha256", stamp.manifestSha256());
    tree.put("filesSum", stamp.filesSum());
    return tree;
  }

  /**
   * Checks {@code root} against {@code expected} (see the class comment for what is refused): walks the root
   * and hashes every covered file.
   */
  public static RootCheck check(Path root, BuildIdentity expected) {
    return check(load(root), expected, null);
  }

  /**
   * A root's stamp read ahead of the check, which it does not depend on (the gate reads it while the
   * evidence is collected).
   *
   * @param root the root as given
   * @param stamp the stamp; empty when there is none or it is unreadable
   * @param error why the stamp is unreadable; null when it was read or there is none
   */
  public record Loaded(Path root, Optional<Stamp> stamp, IOException error) {}

  /** Reads {@code root}'s stamp; never throws: an unreadable stamp is a {@link Loaded#error()}. */
  public static Loaded load(Path root) {
    try {
      return new Loaded(root, read(root.toAbsolutePath().normalize()), null);
    } catch (IOException e) {
      return new Loaded(root, Optional.empty(), e);
    }
  }

  /**
   * Checks the root whose stamp was {@link #load loaded} against {@code expected}, with what the evidence
   * collector found under it, so that no file is listed or hashed twice; and names the evidence read under
   * the root that its stamp does not cover.
   *
   * @param evidence what was collected from the roots, this one among them; null to walk the root and hash
   *     its files here, and to leave the coverage check out
   */
  public static RootCheck check(Loaded loaded, BuildIdentity expected, Evidence evidence) {
    Path root = loaded.root();
    Path normalized = root.toAbsolutePath().normalize();
    Optional<Stamp> stamp = loaded.stamp();
    if (loaded.error() != null) {
      return new RootCheck(normalized, Optional.empty(),
          List.of(new Problem(normalized.resolve(Stamp.FILE), "unreadable stamp: " + loaded.error().getMessage())));
    }
    if (stamp.isEmpty()) {
      return new RootCheck(normalized, stamp, List.of(new Problem(normalized,
          "unstamped result root: no " + Stamp.FILE + "; run `pyramid stamp --dir " + root
              + " --commit SHA --build-id ID` right after the results are written")));
    }
    Stamp found = stamp.get();
    List<Problem> problems = new ArrayList<>();
    if (!found.build().equals(expected)) {
      problems.add(new Problem(normalized.resolve(Stamp.FILE), "stamped for another build (" + found.build()
          + "), this decision is for " + expected));
    } else {
      RootFiles files = evidence == null ? null : evidence.files().get(normalized);
      if (files != null && found.include().contains("**")) {
        problems.addAll(checkCollected(normalized, found, files, evidence.digests()));
      } else {
        problems.addAll(checkFiles(normalized, found, files, evidence == null ? Map.of() : evidence.digests()));
      }
    }
    if (evidence != null) {
      problems.addAll(notCovered(normalized, found, evidence));
    }
    return new RootCheck(normalized, stamp, problems);
  }

  /**
   * A root whose stamp covers every file, checked from what the collector found: the {@link FilesSum} its
   * readers added up, plus the files it did not hash, hashed here. The manifest is read only when they do
   * not add up to the stamp.
   */
  private static List<Problem> checkCollected(Path root, Stamp stamp, RootFiles files, Map<Path, String> digests) {
    Map<Path, String> unhashed = hashes(files.unhashed(), Map.of());
    List<Problem> problems = cannotRead(files.unhashed(), unhashed);
    if (!problems.isEmpty()) {
      return problems;
    }
    FilesSum total = files.hashed().copy();
    for (Path file : files.unhashed()) {
      total.add(relative(root, file), unhashed.get(file));
    }
    if (total.count() == stamp.files() && total.hex().equals(stamp.filesSum())) {
      return List.of();
    }
    Map<Path, String> hashes = new HashMap<>(digests);
    hashes.putAll(unhashed);
    return compareWithManifest(root, stamp, files.files(), hashes);
  }

  /**
   * A root checked file by file: the covered files (of those the collector found, else of a walk here),
   * hashed unless {@code digests} has them, added up and compared with the stamp, then with the manifest
   * when they do not add up.
   */
  private static List<Problem> checkFiles(Path root, Stamp stamp, RootFiles found, Map<Path, String> digests) {
    List<Path> covered;
    try {
      covered = found == null ? covered(root, stamp.include()) : covered(root, stamp.include(), found.files());
    } catch (IOException e) {
      return List.of(new Problem(root, "cannot search: " + e.getMessage()));
    }
    Map<Path, String> hashes = hashes(covered, digests);
    List<Problem> problems = cannotRead(covered, hashes);
    if (problems.isEmpty() && !sumsUp(root, covered, hashes, stamp)) {
      problems.addAll(compareWithManifest(root, stamp, covered, hashes));
    }
    return problems;
  }

  /**
   * Each covered file that could not be read (it has no hash), named: the sums cannot be compared. The hashes
   * may hold other roots' files too, so their number says nothing.
   */
  private static List<Problem> cannotRead(List<Path> covered, Map<Path, String> hashes) {
    List<Problem> problems = new ArrayList<>();
    for (Path file : covered) {
      if (!hashes.containsKey(file)) {
        problems.add(new Problem(file, "cannot read to check its hash"));
      }
    }
    return problems;
  }

  /**
   * The SHA-256 of every covered file: the collector's, else read here (on every core); a file that cannot
   * be read is left out.
   */
  private static Map<Path, String> hashes(List<Path> covered, Map<Path, String> digests) {
    List<Path> unread = new ArrayList<>();
    for (Path file : covered) {
      if (!digests.containsKey(file)) {
        unread.add(file);
      }
    }
    if (unread.isEmpty()) {
      return digests;
    }
    Map<Path, String> hashes = new HashMap<>(digests);
    unread.parallelStream().map(file -> {
      try {
        return Map.entry(file, sha256(file));
      } catch (IOException e) {
        return null;
      }
    }).filter(Objects::nonNull).toList().forEach(entry -> hashes.put(entry.getKey(), entry.getValue()));
    return hashes;
  }

  /** True when the covered files are the stamp's manifest: as many, with the same {@link FilesSum}. */
  private static boolean sumsUp(Path root, List<Path> covered, Map<Path, String> hashes, Stamp stamp) {
    if (covered.size() != stamp.files()) {
      return false;
    }
    int chunk = 4096;
    FilesSum total = IntStream.range(0, (covered.size() + chunk - 1) / chunk).parallel().mapToObj(c -> {
      FilesSum sum = new FilesSum();
      for (Path file : covered.subList(c * chunk, Math.min(covered.size(), (c + 1) * chunk))) {
        sum.add(relative(root, file), hashes.get(file));
      }
      return sum;
    }).collect(FilesSum::new, FilesSum::add, FilesSum::add); // a mutable reduction: a FilesSum per thread
    return total.hex().equals(stamp.filesSum());
  }

  /**
   * The files that differ from the manifest, by name: changed, added, stale or removed; the manifest itself
   * when it cannot be read, or when it no longer adds up to the stamp's sum (edited after stamping).
   */
  private static List<Problem> compareWithManifest(Path root, Stamp stamp, List<Path> covered,
      Map<Path, String> hashes) {
    Path manifestFile = root.resolve(Stamp.MANIFEST);
    Map<String, String> manifest;
    String manifestSha256;
    try {
      manifestSha256 = sha256(manifestFile);
      manifest = readManifest(root);
    } catch (IOException e) {
      return List.of(new Problem(manifestFile, "unreadable manifest: " + e.getMessage()
          + "; the files cannot be checked: stamp the results again"));
    }
    List<Problem> problems = new ArrayList<>();
    if (!manifestSha256.equals(stamp.manifestSha256())) {
      problems.add(new Problem(manifestFile, "edited after stamping: its SHA-256 is no longer the manifestSha256 in "
          + Stamp.FILE));
    }
    Set<String> stale = new HashSet<>(stamp.stale());
    Set<String> present = new HashSet<>(covered.size() * 2);
    for (Path file : covered) {
      String name = relative(root, file);
      present.add(name);
      String stamped = manifest.get(name);
      String hash = hashes.get(file);
      if (stamped == null) {
        problems.add(new Problem(file, stale.contains(name)
            ? "older than the build that stamped the root: a result of an earlier build"
            : "added after stamping: not in the stamp's manifest"));
      } else if (!stamped.equals(hash)) {
        problems.add(new Problem(file, "changed after stamping: SHA-256 " + hash + ", stamped " + stamped));
      }
    }
    manifest.keySet().stream().filter(name -> !present.contains(name)).sorted()
        .forEach(name -> problems.add(new Problem(root.resolve(name),
            "removed after stamping: in the stamp's manifest, no longer there")));
    if (problems.isEmpty()) {
      // Every file is as the manifest says, yet the sums differ: the stamp itself was edited.
      problems.add(new Problem(root.resolve(Stamp.FILE), "edited after stamping: its files or filesSum no longer "
          + "match its manifest"));
    }
    return problems;
  }

  /**
   * Evidence files under a checked root that its stamp does not cover (its include globs are narrower than
   * the policy's sources). A Gatling run directory is covered by its {@code index.html}. Each is named once,
   * though several layers may read it.
   */
  private static List<Problem> notCovered(Path root, Stamp stamp, Evidence evidence) {
    Set<Path> runs = evidence.runDirectories();
    List<Problem> problems = new ArrayList<>();
    if (stamp.include().contains("**")) {
      // Every regular file is covered; only a run directory without its index.html is not.
      for (Path run : new java.util.TreeSet<>(runs)) {
        Path index = run.resolve("index.html").toAbsolutePath().normalize();
        if (index.startsWith(root) && !Files.isRegularFile(index)) {
          problems.add(notCoveredProblem(root, stamp, index));
        }
      }
      return problems;
    }
    List<PathMatcher> matchers = matchers(stamp.include());
    Set<Path> named = new HashSet<>();
    for (Path source : evidence.sources()) {
      boolean run = runs.contains(source);
      Path file = (run ? source.resolve("index.html") : source).toAbsolutePath().normalize();
      if (!file.startsWith(root) || (run && !Files.exists(file)) || named.contains(file)) {
        continue;
      }
      Path matchable = Path.of("root").resolve(root.relativize(file));
      if (matchers.stream().noneMatch(matcher -> matcher.matches(matchable))) {
        named.add(file);
        problems.add(notCoveredProblem(root, stamp, file));
      }
    }
    return problems;
  }

  private static Problem notCoveredProblem(Path root, Stamp stamp, Path file) {
    return new Problem(file, "read as evidence but not covered by the stamp of " + root + " (its include globs: "
        + stamp.include() + ")");
  }

  /** Lowercase hex SHA-256 of {@code file}. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String relative(Path root, Path file) {
    String rootText = root.toString();
    String fileText = file.toString();
    // The common case, cheaply: an absolute file below an absolute root on a file system with '/'.
    if (root.isAbsolute() && file.isAbsolute() && fileText.length() > rootText.length() + 1
        && fileText.startsWith(rootText) && fileText.charAt(rootText.length()) == '/' && !rootText.endsWith("/")) {
      return fileText.substring(rootText.length() + 1);
    }
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** The files of a listing that the include globs cover; {@code **} covers every file without matching. */
  private static List<Path> covered(Path root, List<String> globs, List<Path> listing) {
    if (globs.contains("**")) {
      return listing;
    }
    List<PathMatcher> matchers = matchers(globs);
    List<Path> files = new ArrayList<>();
    for (Path file : listing) {
      Path matchable = Path.of("root").resolve(root.relativize(file));
      for (PathMatcher matcher : matchers) {
        if (matcher.matches(matchable)) {
          files.add(file);
          break;
        }
      }
    }
    return files;
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    return globs.stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + (g.startsWith("**") ? g : "root/" + g)))
        .toList();
  }

  /** The files below {@code root} that the include globs cover, by a walk of the root. */
  private static List<Path> covered(Path root, List<String> globs) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a directory");
    }
    List<Path> listing = new ArrayList<>();
    RegularFiles.walk(root, EvidenceCollector.NOT_SEARCHED, listing::add, (file, e) -> {
      throw e;
    });
    return covered(root, globs, listing);
  }
}
