package dev.pyramid.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.reporting.internal.files.FileGlob;
import dev.pyramid.reporting.internal.files.RegularFiles;
import dev.pyramid.reporting.internal.files.Sha256;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the stages run, beside the history: for every build promoted, the files the policy's {@code
 * deployed:} names (its services' OpenAPI documents, its pacts, what starts its services), which
 * later candidates are judged against. A folder named after the history file ({@code history.jsonl}
 * keeps them in {@code history.deployed/}), laid out for CI to cache:
 *
 * <pre>
 * history.deployed/&lt;commit&gt;/&lt;build id&gt;/manifest.json     kind, path, SHA-256 and size of each file
 * history.deployed/&lt;commit&gt;/&lt;build id&gt;/&lt;kind&gt;/&lt;path&gt;   the files, by their path where promote ran
 * history.deployed/stages/&lt;stage&gt;.json                   which build the stage runs ({@link #point})
 * </pre>
 *
 * <p>Which build a stage runs is the history's to say ({@link History#ranAt}): the last promoted to
 * it, less rollbacks. A build promoted to several stages is kept once. Only the last {@link
 * ExecutedTestsStore#ROLLBACK_DEPTH} builds of each stage are kept ({@link #prune}).
 */
public final class DeployedStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "manifest.json";

  /** The folder of the stages' pointers, beside the commits' folders; no commit is named so. */
  private static final String STAGES = "stages";

  /** Folders no deployed file is searched in: build output of tools, not of the build. */
  private static final Set<String> SKIPPED = Set.of(".git", ".pyramid", "node_modules");

  private final Path folder;

  DeployedStore(Path historyFile) {
    this.folder = History.beside(historyFile, ".deployed");
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /** One file kept. */
  public record Kept(String kind, String path, String sha256, long size) {}

  /**
   * Keeps the files of {@code build} that {@code deployed}'s globs match under {@code from}; when
   * the build is kept already (promoted to an earlier stage), what is kept stands.
   *
   * @return what is kept for the build
   * @throws IOException when a file cannot be read or the store cannot be written
   */
  public List<Kept> keep(BuildIdentity build, Policy.Deployed deployed, Path from)
      throws IOException {
    Path target = buildFolder(build);
    if (Files.exists(target.resolve(MANIFEST))) {
      return kept(build).orElseThrow();
    }
    Map<String, List<Path>> found = find(deployed, from);
    Path partial = folder.resolve(".partial-" + UUID.randomUUID());
    List<Kept> kept = new ArrayList<>();
    try {
      for (Map.Entry<String, List<Path>> kind : found.entrySet()) {
        for (Path file : kind.getValue()) {
          String relative = from.relativize(file).toString().replace('\\', '/');
          Path copy = partial.resolve(kind.getKey()).resolve(relative);
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
          kept.add(new Kept(kind.getKey(), relative, Sha256.of(copy), Files.size(copy)));
        }
      }
      ArrayNode manifest = JSON.createArrayNode();
      for (Kept file : kept) {
        manifest.add(JSON.valueToTree(file));
      }
      ObjectNode root = JSON.createObjectNode();
      root.put("commit", build.commit());
      root.put("buildId", build.buildId());
      root.set("files", manifest);
      Files.createDirectories(partial);
      Files.writeString(partial.resolve(MANIFEST), JSON.writeValueAsString(root));
      Files.createDirectories(target.getParent());
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(partial);
    }
    return kept;
  }

  /** What is kept for {@code build}; empty when nothing is. */
  public Optional<List<Kept>> kept(BuildIdentity build) throws IOException {
    Path manifest = buildFolder(build).resolve(MANIFEST);
    if (!Files.exists(manifest)) {
      return Optional.empty();
    }
    List<Kept> kept = new ArrayList<>();
    for (JsonNode file : JSON.readTree(manifest.toFile()).path("files")) {
      kept.add(JSON.treeToValue(file, Kept.class));
    }
    return Optional.of(kept);
  }

  /** Where a kept file of {@code build} lies. */
  public Path file(BuildIdentity build, Kept kept) {
    return buildFolder(build).resolve(kept.kind()).resolve(kept.path());
  }

  /**
   * Writes {@code stages/<stage>.json}: the build {@code stage} runs and the folder its files are
   * kept in ({@code dir}, relative to this store; null when no file of it is kept: no {@code
   * deployed:} in the policy, nothing matched, or pruned), since when and by which command. A view
   * of the history for tools outside the gate, such as the contract tests or a CI script ({@code jq
   * -r .dir history.deployed/stages/production.json}), which would otherwise replay it; the history
   * stays the truth, and the gate never reads a pointer. Written to a temporary file and moved into
   * place: a reader finds the old pointer or the new one.
   *
   * @param running the build the stage runs now; empty: it runs none, and has no pointer
   * @param by {@code promote} or {@code rollback}
   */
  void point(String stage, Optional<BuildIdentity> running, String by, Instant since)
      throws IOException {
    Path pointer = folder.resolve(STAGES).resolve(safe(stage) + ".json");
    if (running.isEmpty()) {
      Files.deleteIfExists(pointer);
      return;
    }
    BuildIdentity build = running.get();
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 1);
    root.put("stage", stage);
    root.put("commit", build.commit());
    root.put("buildId", build.buildId());
    boolean keptAny = kept(build).filter(files -> !files.isEmpty()).isPresent();
    root.put("dir", keptAny ? safe(build.commit()) + "/" + safe(build.buildId()) : null);
    root.put("since", since.toString());
    root.put("by", by);
    Files.createDirectories(pointer.getParent());
    Path partial = pointer.resolveSibling(".partial-" + UUID.randomUUID());
    try {
      Files.writeString(partial, JSON.writeValueAsString(root) + "\n");
      Files.move(
          partial, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Deletes what no stage can need: builds that are none of the last {@link
   * ExecutedTestsStore#ROLLBACK_DEPTH} builds of any stage in {@code lines}.
   *
   * @return the build folders deleted
   */
  public List<Path> prune(List<JsonNode> lines, List<String> stages) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    Set<Path> needed = new HashSet<>();
    for (String stage : stages) {
      History.mayRunAgain(lines, stage).forEach(build -> needed.add(buildFolder(build)));
    }
    List<Path> deleted = new ArrayList<>();
    try (DirectoryStream<Path> commits = Files.newDirectoryStream(folder, Files::isDirectory)) {
      for (Path commit : commits) {
        String name = commit.getFileName().toString();
        if (name.startsWith(".partial-") || name.equals(STAGES)) {
          continue; // another promote writing; the stages' pointers
        }
        try (DirectoryStream<Path> builds = Files.newDirectoryStream(commit, Files::isDirectory)) {
          for (Path build : builds) {
            if (!needed.contains(build)) {
              deleteTree(build);
              deleted.add(build);
            }
          }
        }
        try (Stream<Path> left = Files.list(commit)) {
          if (left.findAny().isEmpty()) {
            Files.delete(commit);
          }
        }
      }
    }
    return deleted;
  }

  private Path buildFolder(BuildIdentity build) {
    return folder.resolve(safe(build.commit())).resolve(safe(build.buildId()));
  }

  /** A commit, build id or stage as one file name: no separator, no "..", not {@value #STAGES}. */
  private static String safe(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') || safe.equals(STAGES)
        ? "_" + safe
        : safe;
  }

  /** The files each kind's globs match under {@code from}, in path order. */
  private static Map<String, List<Path>> find(Policy.Deployed deployed, Path from)
      throws IOException {
    Map<String, List<FileGlob>> globs = new LinkedHashMap<>();
    deployed
        .globs()
        .forEach((kind, list) -> globs.put(kind, list.stream().map(FileGlob::new).toList()));
    Map<String, List<Path>> found = new LinkedHashMap<>();
    globs.keySet().forEach(kind -> found.put(kind, new ArrayList<>()));
    RegularFiles.walk(
        from,
        SKIPPED,
        file -> {
          String relative = from.relativize(file).toString().replace('\\', '/');
          globs.forEach(
              (kind, list) -> {
                if (list.stream().anyMatch(glob -> glob.matches(relative))) {
                  found.get(kind).add(file);
                }
              });
        },
        (path, e) -> {
          throw new IOException(path + ": cannot be read (" + e.getMessage() + ")", e);
        });
    found.values().forEach(list -> list.sort(null));
    return found;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
