package dev.pyramid.framework.api.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The build a stage runs, with the files {@code pyramid promote} kept of it.
 *
 * <pre>{@code
 * StageBuild.Lookup lookup = StageBuild.fromConfiguration(System::getProperty);
 * Optional<KeptFile> core =
 *     lookup.build().flatMap(build -> build.file("artifacts", "platform/fleet-core/target/*-all.jar"));
 * }</pre>
 *
 * <p>Read from the store beside the history ({@code history.jsonl} keeps it in {@code
 * history.deployed/}): {@code stages/<stage>.json}, which {@code pyramid promote} and {@code
 * pyramid rollback} write, names the build and its folder; the folder's {@code manifest.json} lists
 * the files. The history stays the truth: the gate checks that what a test verified is the build
 * the history says the stage runs.
 */
public final class StageBuild {
  /** Configuration key: the stage the candidate is judged for; {@value #DEFAULT_STAGE} if unset. */
  public static final String STAGE_KEY = "pyramid.stage";

  /** Configuration key: the gate's history file; {@value #DEFAULT_HISTORY} if unset. */
  public static final String HISTORY_KEY = "pyramid.history";

  public static final String DEFAULT_STAGE = "production";
  public static final String DEFAULT_HISTORY = ".pyramid/history.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String stage;
  private final String commit;
  private final String buildId;
  private final List<KeptFile> files;

  private StageBuild(String stage, String commit, String buildId, List<KeptFile> files) {
    this.stage = stage;
    this.commit = commit;
    this.buildId = buildId;
    this.files = List.copyOf(files);
  }

  /**
   * What a stage runs, or why nothing can be said to.
   *
   * @param stage the stage asked about
   * @param pointer the file that names the stage's build ({@code history.deployed/stages/S.json})
   * @param build the build, when the stage runs one
   * @param reason why there is none, when so
   */
  public record Lookup(String stage, Path pointer, Optional<StageBuild> build, String reason) {}

  /**
   * The build the stage named by {@value #STAGE_KEY} runs, with the history named by {@value
   * #HISTORY_KEY} (relative paths against the working directory).
   */
  public static Lookup fromConfiguration(Function<String, String> configuration) {
    String stage = Optional.ofNullable(configuration.apply(STAGE_KEY)).orElse(DEFAULT_STAGE);
    String history = Optional.ofNullable(configuration.apply(HISTORY_KEY)).orElse(DEFAULT_HISTORY);
    return running(stage.trim(), Path.of(history.trim()).toAbsolutePath());
  }

  /**
   * The build {@code stage} runs according to the store beside {@code historyFile}.
   *
   * @throws IllegalStateException when the store is damaged (a pointer or manifest that is not what
   *     promote writes, a build folder that is gone), naming the file and the fix
   */
  public static Lookup running(String stage, Path historyFile) {
    Objects.requireNonNull(stage, "stage");
    Path store = beside(historyFile);
    Path pointer = store.resolve("stages").resolve(stage + ".json");
    if (!Files.isRegularFile(pointer)) {
      return new Lookup(
          stage,
          pointer,
          Optional.empty(),
          stage
              + " runs no build promoted with pyramid promote: "
              + pointer
              + " does not exist (history "
              + historyFile
              + ")");
    }
    JsonNode node = read(pointer);
    String commit = text(node, "commit", pointer);
    String buildId = text(node, "buildId", pointer);
    JsonNode dir = node.path("dir");
    if (dir.isNull() || dir.isMissingNode()) {
      return new Lookup(
          stage, pointer, Optional.of(new StageBuild(stage, commit, buildId, List.of())), "");
    }
    Path folder = store.resolve(dir.asText()).normalize();
    if (!folder.startsWith(store)) {
      throw damaged(pointer, "its dir '" + dir.asText() + "' leads out of " + store);
    }
    Path manifest = folder.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw damaged(pointer, "it names " + folder + ", which holds no manifest.json");
    }
    List<KeptFile> files = new ArrayList<>();
    for (JsonNode file : read(manifest).path("files")) {
      String kind = text(file, "kind", manifest);
      String path = text(file, "path", manifest);
      Path location = folder.resolve(kind).resolve(path).normalize();
      if (!location.startsWith(folder)) {
        throw damaged(manifest, "its path '" + path + "' leads out of " + folder);
      }
      files.add(
          new KeptFile(
              kind, path, text(file, "sha256", manifest), file.path("size").asLong(), location));
    }
    return new Lookup(
        stage, pointer, Optional.of(new StageBuild(stage, commit, buildId, files)), "");
  }

  /**
   * The store's folder for {@code historyFile}: {@code history.jsonl} keeps {@code
   * history.deployed}.
   */
  static Path beside(Path historyFile) {
    Path absolute = historyFile.toAbsolutePath().normalize();
    String name = absolute.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return absolute.resolveSibling(stem + ".deployed");
  }

  public String stage() {
    return stage;
  }

  public String commit() {
    return commit;
  }

  public String buildId() {
    return buildId;
  }

  /** Every file kept of the build. */
  public List<KeptFile> files() {
    return files;
  }

  /** The files of one kind ({@code api}, {@code pacts}, {@code artifacts}), in path order. */
  public List<KeptFile> files(String kind) {
    return files.stream().filter(file -> file.kind().equals(kind)).toList();
  }

  /**
   * The one file of {@code kind} whose kept path matches {@code glob} ({@code *} within a folder,
   * {@code **} across them), or empty.
   *
   * @throws IllegalStateException when several match, naming them: the glob must pick one
   */
  public Optional<KeptFile> file(String kind, String glob) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<KeptFile> matches =
        files(kind).stream().filter(file -> matcher.matches(Path.of(file.path()))).toList();
    if (matches.size() > 1) {
      throw new IllegalStateException(
          "'"
              + glob
              + "' matches "
              + matches.size()
              + " kept "
              + kind
              + " of "
              + this
              + ": "
              + matches.stream().map(KeptFile::path).toList()
              + ". Narrow it to one.");
    }
    return matches.stream().findFirst();
  }

  /** {@code stage's build commit/buildId}, as messages name it. */
  @Override
  public String toString() {
    return stage + "'s build " + commit + "/" + buildId;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw damaged(file, "it is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  private static String text(JsonNode node, String field, Path file) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw damaged(file, "it has no '" + field + "'");
    }
    return value.asText();
  }

  private static IllegalStateException damaged(Path file, String what) {
    return new IllegalStateException(
        file
            + " is not what pyramid promote writes: "
            + what
            + ". Restore the store beside the history from CI's cache, or promote the stage's"
            + " build again.");
  }
}
