package dev.pyramid.reporting.stamp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    JsonNode tree;
    try {
      tree = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    try {
      if (tree == null || tree.path("schemaVersion").asInt() != Stamp.SCHEMA_VERSION) {
        throw new IOException(file + ": not a stamp of schema version " + Stamp.SCHEMA_VERSION);
      }
      TreeMap<String, String> manifest = new TreeMap<>();
      tree.path("manifest").fields().forEachRemaining(e -> manifest.put(e.getKey(), e.getValue().asText()));
      List<String> include = new ArrayList<>();
      tree.path("include").forEach(g -> include.add(g.asText()));
      List<String> stale = new ArrayList<>();
      tree.path("stale").forEach(g -> stale.add(g.asText()));
      String commit = tree.path("commit").asText("");
      String buildId = tree.path("buildId").asText("");
      if (commit.isEmpty() || buildId.isEmpty() || include.isEmpty()) {
        throw new IOException(file + ": no commit, buildId or include");
      }
      return Optional.of(new Stamp(new BuildIdentity(commit, buildId), Instant.parse(tree.path("stampedAt").asText()),
          include, manifest, stale));
    } catch (DateTimeParseException e) {
      throw new IOException(file + ": stampedAt is not an instant", e);
    }
  }

  /** Checks {@code root} against {@code expected}: see the class comment for what is refused. */
  public static RootCheck check(Path root, BuildIdentity expected) {
    Path normalized = root.toAbsolutePath().normalize();
    Optional<Stamp> stamp;
    try {
      stamp = read(normalized);
    } catch (IOException e) {
      return new RootCheck(normalized, Optional.empty(),
          List.of(new Problem(normalized.resolve(Stamp.FILE), "unreadable stamp: " + e.getMessage())));
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
      return new RootCheck(normalized, stamp, problems);
    }
    List<Path> files;
    try {
      files = covered(normalized, found.include());
    } catch (IOException e) {
      problems.add(new Problem(normalized, "cannot search: " + e.getMessage()));
      return new RootCheck(normalized, stamp, problems);
    }
    Map<String, Path> present = new LinkedHashMap<>();
    for (Path file : files) {
      present.put(relative(normalized, file), file);
    }
    for (Map.Entry<String, Path> entry : present.entrySet()) {
      if (!found.manifest().containsKey(entry.getKey())) {
        String why = found.stale().contains(entry.getKey())
            ? "older than the build that stamped the root: a result of an earlier build"
            : "added after stamping: not in the stamp's manifest";
        problems.add(new Problem(entry.getValue(), why));
      }
    }
    List<Problem> changed = found.manifest().entrySet().parallelStream().map(entry -> {
      Path file = normalized.resolve(entry.getKey());
      if (!present.containsKey(entry.getKey())) {
        return new Problem(file, "removed after stamping: in the stamp's manifest, no longer there");
      }
      try {
        String hash = sha256(file);
        return hash.equals(entry.getValue()) ? null
            : new Problem(file, "changed after stamping: SHA-256 " + hash + ", stamped " + entry.getValue());
      } catch (IOException e) {
        return new Problem(file, "cannot read to check its hash: " + e.getMessage());
      }
    }).filter(java.util.Objects::nonNull).toList();
    problems.addAll(changed);
    return new RootCheck(normalized, stamp, problems);
  }

  /**
   * Evidence files under a checked root that its stamp does not vouch for (its include globs are narrower
   * than the policy's sources). A Gatling run directory is vouched for by its {@code index.html}.
   */
  public static List<Problem> notCovered(RootCheck check, List<Path> evidence) {
    if (check.stamp().isEmpty()) {
      return List.of();
    }
    List<Problem> problems = new ArrayList<>();
    for (Path source : evidence) {
      Path file = Files.isDirectory(source) ? source.resolve("index.html") : source;
      Path absolute = file.toAbsolutePath().normalize();
      if (absolute.startsWith(check.root()) && Files.exists(absolute)
          && !check.stamp().get().manifest().containsKey(relative(check.root(), absolute))) {
        problems.add(new Problem(absolute, "read as evidence but not covered by the stamp of " + check.root()
            + " (its include globs: " + check.stamp().get().include() + ")"));
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
    return root.relativize(file).toString().replace('\\', '/');
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
