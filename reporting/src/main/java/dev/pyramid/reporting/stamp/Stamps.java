package dev.pyramid.reporting.stamp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.results.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes and checks stamps ({@value Stamp#FILE} in a result root).
 *
 * <p>The manifest covers every regular file below the root that matches the stamp's include globs,
 * except the directories the gate never searches ({@link EvidenceCollector#NOT_SEARCHED}, which include
 * {@code .pyramid} where the stamp itself lies). A check refuses: a root without a stamp, a stamp for
 * another commit or build, a covered file whose hash changed, a manifest file that is gone, a covered
 * file that is not in the manifest (added after stamping, or left out as stale). Thread-safe.
 */
public final class Stamps {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * For reading: a manifest's 100,000 paths are member names, which Jackson would otherwise intern and keep
   * in its symbol table, each once.
   */
  private static final JsonFactory READING = JsonFactory.builder()
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

  private Stamps() {}

  /**
   * Stamps {@code root}: hashes every covered file and writes {@value Stamp#FILE}.
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
    Stamp stamp = new Stamp(build, now, globs, manifest, stale);
    Path file = root.resolve(Stamp.FILE);
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), "stamp", ".tmp");
    JSON.writeValue(temporary.toFile(), tree(stamp));
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return stamp;
  }

  /** Reads the stamp of {@code root}; empty when there is none, a problem when it is unreadable. */
  public static Optional<Stamp> read(Path root) throws IOException {
    Path file = root.resolve(Stamp.FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    // Streamed: the manifest of a large result set has 100,000 entries, no tree is needed for them.
    int schemaVersion = -1;
    String commit = "";
    String buildId = "";
    String stampedAt = "";
    // A hash map: looked up once per file; a sorted map costs a comparison of long paths per tree level.
    Map<String, String> manifest = new HashMap<>();
    List<String> include = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    try (JsonParser json = READING.createParser(Files.readAllBytes(file))) {
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
          case "include" -> strings(json, value, include);
          case "stale" -> strings(json, value, stale);
          case "manifest" -> {
            if (value != JsonToken.START_OBJECT) {
              json.skipChildren();
              break;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
              String name = json.currentName();
              manifest.put(name, scalar(json, json.nextToken()));
            }
          }
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
      throw new IOException(file + ": not a stamp of schema version " + Stamp.SCHEMA_VERSION);
    }
    if (commit.isEmpty() || buildId.isEmpty() || include.isEmpty()) {
      throw new IOException(file + ": no commit, buildId or include");
    }
    try {
      return Optional.of(new Stamp(new BuildIdentity(commit, buildId), Instant.parse(stampedAt), include, manifest,
          stale));
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

  /** Checks {@code root} against {@code expected}: see the class comment for what is refused. */
  public static RootCheck check(Path root, BuildIdentity expected) {
    return check(root, expected, null, Map.of());
  }

  /**
   * Checks {@code root} against {@code expected} like {@link #check(Path, BuildIdentity)}, with what the
   * evidence collector already knows, so that no file is listed or read twice.
   *
   * @param files every regular file under the root outside the directories never searched, as the
   *     collector's walk found them; null to walk the root here
   * @param digests SHA-256 (lowercase hex) of files already read, by absolute normalized path, hashed from
   *     the very bytes that were parsed; a covered file not in it is read and hashed here
   */
  public static RootCheck check(Path root, BuildIdentity expected, List<Path> files, Map<Path, String> digests) {
    return check(root, expected, files, digests, null);
  }

  /**
   * {@link #check(Path, BuildIdentity, List, Map)} and {@link #notCovered(RootCheck, java.util.Collection, Map)}
   * in one pass over the manifest: the problems of both.
   *
   * @param evidence every evidence file and run directory read; null to leave the coverage check out
   */
  public static RootCheck check(Path root, BuildIdentity expected, List<Path> files, Map<Path, String> digests,
      java.util.Collection<Path> evidence) {
    return check(load(root), expected, files, digests, evidence);
  }

  /**
   * A root's stamp read ahead of the check, which it does not depend on (the gate reads it while the
   * evidence is collected), with its manifest as a hash map for lookups.
   *
   * @param root the root as given
   * @param stamp the stamp; empty when there is none or it is unreadable
   * @param error why the stamp is unreadable; null when it was read or there is none
   */
  public record Loaded(Path root, Optional<Stamp> stamp, IOException error, Map<String, String> manifest) {}

  /** Reads {@code root}'s stamp; never throws: an unreadable stamp is a {@link Loaded#error()}. */
  public static Loaded load(Path root) {
    try {
      Optional<Stamp> stamp = read(root.toAbsolutePath().normalize());
      return new Loaded(root, stamp, null, stamp.map(Stamp::manifest).orElse(Map.of()));
    } catch (IOException e) {
      return new Loaded(root, Optional.empty(), e, Map.of());
    }
  }

  /** {@link #check(Path, BuildIdentity, List, Map, java.util.Collection)} with the stamp already read. */
  public static RootCheck check(Loaded loaded, BuildIdentity expected, List<Path> files, Map<Path, String> digests,
      java.util.Collection<Path> evidence) {
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
      if (evidence != null) {
        problems.addAll(notCovered(normalized, found, loaded.manifest(), evidence, digests));
      }
      return new RootCheck(normalized, stamp, problems);
    }
    List<Path> covered;
    try {
      covered = files == null ? covered(normalized, found.include()) : covered(normalized, found.include(), files);
    } catch (IOException e) {
      problems.add(new Problem(normalized, "cannot search: " + e.getMessage()));
      return new RootCheck(normalized, stamp, problems);
    }
    Map<String, String> manifest = loaded.manifest();
    // Each file found is in the manifest with the hash its bytes have, or a problem: checked in chunks on
    // every core (100,000 lookups on a large result set), the chunks' findings kept in listing order.
    int chunk = 4096;
    Set<String> stale = new java.util.HashSet<>(found.stale());
    List<FilesChecked> chunks = java.util.stream.IntStream.range(0, (covered.size() + chunk - 1) / chunk).parallel()
        .mapToObj(c -> checkFiles(normalized, stale, manifest, digests,
            covered.subList(c * chunk, Math.min(covered.size(), (c + 1) * chunk))))
        .toList();
    // The very Path objects vouched for, by identity: evidence read in the same walk is found without hashing
    // paths again.
    Set<Path> vouched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(covered.size() * 2));
    List<Map.Entry<Path, String>> unread = new ArrayList<>();
    int matched = 0;
    for (FilesChecked checked : chunks) {
      problems.addAll(checked.problems);
      unread.addAll(checked.unread);
      vouched.addAll(checked.vouched);
      matched += checked.vouched.size();
    }
    problems.addAll(unread.parallelStream().map(entry -> {
      try {
        String hash = sha256(entry.getKey());
        return hash.equals(entry.getValue()) ? null : changed(entry.getKey(), hash, entry.getValue());
      } catch (IOException e) {
        return new Problem(entry.getKey(), "cannot read to check its hash: " + e.getMessage());
      }
    }).filter(java.util.Objects::nonNull).toList());
    if (matched != manifest.size()) {
      // Some stamped file was not found (a listing holds each file once): name every one.
      Set<String> present = new java.util.HashSet<>(covered.size() * 2);
      for (Path file : covered) {
        present.add(relative(normalized, file));
      }
      manifest.keySet().stream().filter(name -> !present.contains(name)).sorted()
          .forEach(name -> problems.add(new Problem(normalized.resolve(name),
              "removed after stamping: in the stamp's manifest, no longer there")));
    }
    if (evidence != null) {
      List<Path> rest = new ArrayList<>();
      for (Path source : evidence) {
        if (!vouched.contains(source)) {
          rest.add(source);
        }
      }
      problems.addAll(notCovered(normalized, found, manifest, rest, digests));
    }
    return new RootCheck(normalized, stamp, problems);
  }

  /** What {@link #checkFiles} found in one chunk of a root's files. */
  private record FilesChecked(List<Path> vouched, List<Problem> problems, List<Map.Entry<Path, String>> unread) {}

  /**
   * Checks {@code files} against the manifest: in it with the same hash (vouched for), in it but not read by
   * the collector (to be hashed), or not in it (a problem: added after stamping, or stale).
   */
  private static FilesChecked checkFiles(Path root, Set<String> stale, Map<String, String> manifest,
      Map<Path, String> digests, List<Path> files) {
    List<Path> vouched = new ArrayList<>(files.size());
    List<Problem> problems = new ArrayList<>();
    List<Map.Entry<Path, String>> unread = new ArrayList<>();
    for (Path file : files) {
      String name = relative(root, file);
      String stamped = manifest.get(name);
      if (stamped == null) {
        String why = stale.contains(name)
            ? "older than the build that stamped the root: a result of an earlier build"
            : "added after stamping: not in the stamp's manifest";
        problems.add(new Problem(file, why));
        continue;
      }
      vouched.add(file);
      String known = digests.get(file);
      if (known == null) {
        unread.add(Map.entry(file, stamped)); // covered, but no reader read it: hashed by the caller
      } else if (!known.equals(stamped)) {
        problems.add(changed(file, known, stamped));
      }
    }
    return new FilesChecked(vouched, problems, unread);
  }

  private static Problem changed(Path file, String hash, String stamped) {
    return new Problem(file, "changed after stamping: SHA-256 " + hash + ", stamped " + stamped);
  }

  /**
   * Evidence files under a checked root that its stamp does not vouch for (its include globs are narrower
   * than the policy's sources). A Gatling run directory is vouched for by its {@code index.html}.
   */
  public static List<Problem> notCovered(RootCheck check, List<Path> evidence) {
    return notCovered(check, evidence, Map.of());
  }

  /**
   * As {@link #notCovered(RootCheck, List)}; a source in {@code digests} was read as a file, so it is
   * known to exist and not to be a directory without asking the file system again.
   */
  public static List<Problem> notCovered(RootCheck check, java.util.Collection<Path> evidence,
      Map<Path, String> digests) {
    if (check.stamp().isEmpty()) {
      return List.of();
    }
    return notCovered(check.root(), check.stamp().get(), check.stamp().get().manifest(), evidence, digests);
  }

  private static List<Problem> notCovered(Path root, Stamp stamp, Map<String, String> manifest,
      java.util.Collection<Path> evidence, Map<Path, String> digests) {
    List<Problem> problems = new ArrayList<>();
    for (Path source : evidence) {
      boolean readAsFile = digests.containsKey(source);
      Path file = !readAsFile && Files.isDirectory(source) ? source.resolve("index.html") : source;
      Path absolute = readAsFile ? file : file.toAbsolutePath().normalize(); // read files are both already
      if (absolute.startsWith(root) && (readAsFile || Files.exists(absolute))
          && !manifest.containsKey(relative(root, absolute))) {
        problems.add(new Problem(absolute, "read as evidence but not covered by the stamp of " + root
            + " (its include globs: " + stamp.include() + ")"));
      }
    }
    return problems;
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

  private static Map<String, Object> tree(Stamp stamp) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("schemaVersion", Stamp.SCHEMA_VERSION);
    tree.put("commit", stamp.build().commit());
    tree.put("buildId", stamp.build().buildId());
    tree.put("stampedAt", stamp.stampedAt().toString());
    tree.put("include", stamp.include());
    tree.put("stale", stamp.stale());
    tree.put("manifest", stamp.manifest());
    return tree;
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

  private static List<Path> covered(Path root, List<String> globs) throws IOException {
    List<PathMatcher> matchers = globs.stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + (g.startsWith("**") ? g : "root/" + g)))
        .toList();
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a directory");
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(root) && EvidenceCollector.NOT_SEARCHED.contains(dir.getFileName().toString())
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          Path matchable = Path.of("root").resolve(root.relativize(file));
          for (PathMatcher matcher : matchers) {
            if (matcher.matches(matchable)) {
              files.add(file);
              break;
            }
          }
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return files;
  }
}
