package dev.pyramid.reporting.stamp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyramid.reporting.internal.files.FileGlob;
import dev.pyramid.reporting.internal.files.RegularFiles;
import dev.pyramid.reporting.internal.files.Sha256;
import dev.pyramid.reporting.results.EvidenceCollector;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The format of a stamp on disk: {@value Stamp#FILE}, its manifest {@value Stamp#MANIFEST} (one
 * {@code sha256sum} line per covered file) and which files a stamp covers.
 *
 * <p>A stamp covers every regular file below the root that one of its include globs ({@link
 * FileGlob}) matches, except in the directories the gate never searches ({@link
 * EvidenceCollector#NOT_SEARCHED}, which include {@code .pyramid} where the stamp itself lies);
 * {@code **} covers every such file. Thread-safe.
 */
final class StampFormat {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StampFormat() {}

  /**
   * One line of the manifest as {@code sha256sum} writes it: {@code <hash> <path>}; a path with a
   * backslash, newline or carriage return is escaped and the line starts with a backslash.
   */
  public static String manifestLine(String relative, String sha256) {
    if (relative.indexOf('\\') < 0 && relative.indexOf('\n') < 0 && relative.indexOf('\r') < 0) {
      return sha256 + "  " + relative + "\n";
    }
    String escaped = relative.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    return "\\" + sha256 + "  " + escaped + "\n";
  }

  /** Reads the manifest of {@code root}: path to SHA-256, or throws naming the file and line. */
  static Map<String, String> readManifest(Path root) throws IOException {
    Path file = root.resolve(Stamp.MANIFEST);
    Map<String, String> manifest = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        boolean escaped = line.startsWith("\\");
        String text = escaped ? line.substring(1) : line;
        if (text.length() < 67
            || text.charAt(64) != ' '
            || text.charAt(65) != ' '
            || !text.substring(0, 64)
                .chars()
                .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
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

  /**
   * Reads the stamp of {@code root}; empty when there is none; throws naming the file when it is
   * unreadable.
   */
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
          case "schemaVersion" ->
              schemaVersion = value == JsonToken.VALUE_NUMBER_INT ? json.getIntValue() : -1;
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
      throw new IOException(
          file
              + ": not a stamp of schema version "
              + Stamp.SCHEMA_VERSION
              + " (stamped by an older pyramid? stamp the results again)");
    }
    if (commit.isEmpty()
        || buildId.isEmpty()
        || include.isEmpty()
        || files < 0
        || !manifestSha256.matches("[0-9a-f]{64}")
        || !filesSum.matches("[0-9a-f]{64}")) {
      throw new IOException(
          file + ": no commit, buildId, include, files, manifestSha256 or filesSum");
    }
    try {
      return Optional.of(
          new Stamp(
              new BuildIdentity(commit, buildId),
              Instant.parse(stampedAt),
              include,
              files,
              manifestSha256,
              filesSum,
              stale));
    } catch (DateTimeParseException e) {
      throw new IOException(file + ": stampedAt is not an instant", e);
    }
  }

  /**
   * A scalar as text ({@code JsonNode.asText}); objects and arrays are skipped and read as empty.
   */
  private static String scalar(JsonParser json, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      json.skipChildren();
      return "";
    }
    return value == JsonToken.VALUE_NULL ? "" : json.getText();
  }

  private static void strings(JsonParser json, JsonToken value, List<String> into)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      json.skipChildren();
      return;
    }
    for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
      into.add(scalar(json, item));
    }
  }

  /** Writes {@code stamp} as the JSON of {@value Stamp#FILE} to {@code file}. */
  static void writeStamp(Path file, Stamp stamp) throws IOException {
    JSON.writeValue(file.toFile(), tree(stamp));
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

  /** Lowercase hex SHA-256 of {@code file}. */
  public static String sha256(Path file) throws IOException {
    return Sha256.of(file);
  }

  static String relative(Path root, Path file) {
    String rootText = root.toString();
    String fileText = file.toString();
    // The common case, cheaply: an absolute file below an absolute root on a file system with '/'.
    if (root.isAbsolute()
        && file.isAbsolute()
        && fileText.length() > rootText.length() + 1
        && fileText.startsWith(rootText)
        && fileText.charAt(rootText.length()) == '/'
        && !rootText.endsWith("/")) {
      return fileText.substring(rootText.length() + 1);
    }
    return root.relativize(file).toString().replace('\\', '/');
  }

  /**
   * The files of a listing that the include globs cover; {@code **} covers every file without
   * matching.
   */
  static List<Path> covered(Path root, List<String> globs, List<Path> listing) {
    if (globs.contains("**")) {
      return listing;
    }
    List<FileGlob> matchers = globs(globs);
    List<Path> files = new ArrayList<>();
    for (Path file : listing) {
      if (coveredBy(matchers, relative(root, file))) {
        files.add(file);
      }
    }
    return files;
  }

  /** True when a glob of {@code globs} matches the file at {@code relative} to the root. */
  static boolean coveredBy(List<FileGlob> globs, String relative) {
    for (FileGlob glob : globs) {
      if (glob.matches(relative)) {
        return true;
      }
    }
    return false;
  }

  static List<FileGlob> globs(List<String> globs) {
    return globs.stream().map(FileGlob::new).toList();
  }

  /** The files below {@code root} that the include globs cover, by a walk of the root. */
  static List<Path> covered(Path root, List<String> globs) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException(root + " is not a directory");
    }
    List<Path> listing = new ArrayList<>();
    RegularFiles.walk(
        root,
        EvidenceCollector.NOT_SEARCHED,
        listing::add,
        (file, e) -> {
          throw e;
        });
    return covered(root, globs, listing);
  }
}
