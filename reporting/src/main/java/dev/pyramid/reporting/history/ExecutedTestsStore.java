package dev.pyramid.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.internal.files.Sha256;
import dev.pyramid.reporting.results.BaselineTests;
import dev.pyramid.reporting.results.ExecutedTests;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The executed tests of the builds that may become a baseline, beside the history: a folder named
 * after the history file ({@code history.jsonl} keeps them in {@code history.tests/}), one file per
 * distinct set of tests, named by the SHA-256 of its content ({@link ExecutedTests} describes it).
 * Builds that ran the same tests share one file.
 *
 * <p>Only what a later comparison can need is kept ({@link #prune}): the tests of each stage's
 * baseline, of promotable decisions that a promotion to their stage may still follow, and of the
 * last {@link #FLAKY_WINDOW} decisions (flip rates). So the folder holds at most about a hundred
 * files whatever the length of the history, fewer when builds ran the same tests; with 100,000
 * tests each is about 0.9 MB, with 10,000 about 90 KB.
 */
public final class ExecutedTestsStore {

  /** A file this young is kept whatever the history says: another gate may be recording it. */
  static final Duration IN_FLIGHT = Duration.ofHours(1);

  /**
   * How many of the builds a stage ran keep their tests: the one it runs and those a rollback may
   * return to.
   */
  static final int ROLLBACK_DEPTH = 3;

  /**
   * How many of the latest whole-stage decisions keep their tests, whatever their verdict: the
   * builds whose flip rates {@code pyramid flaky} computes.
   */
  public static final int FLAKY_WINDOW = 100;

  private static final String SUFFIX = ".tsv.gz";

  private final Path folder;

  ExecutedTestsStore(Path historyFile) {
    this.folder = History.beside(historyFile, ".tests");
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /**
   * Keeps {@code tests}, unless a file with the same content is there already (then only its time
   * is renewed, so that {@link #prune} leaves it to the history).
   *
   * @return the digest that names it, for the history line
   */
  String save(ExecutedTests tests) throws IOException {
    byte[] bytes = tests.encode();
    String digest = Sha256.of(bytes);
    Path file = file(digest);
    Files.createDirectories(folder);
    if (Files.exists(file)) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
      return digest;
    }
    Path partial = folder.resolve(digest + "." + UUID.randomUUID() + ".partial");
    try {
      Files.write(partial, bytes, StandardOpenOption.CREATE_NEW);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return digest;
  }

  /**
   * The tests a history line names by {@code digest}.
   *
   * @throws IOException when the line's value is not a digest (the history was edited)
   */
  BaselineTests locate(String digest) throws IOException {
    if (!digest.matches("[0-9a-f]{64}")) {
      throw new IOException(
          "\"" + History.EXECUTED_TESTS + "\": \"" + digest + "\" is not a SHA-256 digest");
    }
    return BaselineTests.in(file(digest), digest);
  }

  /**
   * The tests a decision line names by {@code digest}, when they are still kept; empty once pruned.
   *
   * @throws IOException when the digest is not one, or the file was altered
   */
  public Optional<ExecutedTests> kept(String digest) throws IOException {
    BaselineTests tests = locate(digest);
    return Files.exists(file(digest)) ? tests.read() : Optional.empty();
  }

  /**
   * Deletes the files that no later comparison can need, given every line of the history: those
   * referred to by none of the last {@link #ROLLBACK_DEPTH} builds each stage ran (the one it runs
   * and those a rollback may return to), by no promotable decision made since the last promotion or
   * rollback of its stage and by none of the last {@link #FLAKY_WINDOW} decisions, and older than
   * {@link #IN_FLIGHT} (a file half-written by a gate that was killed goes too).
   *
   * @return the files deleted
   */
  List<Path> prune(List<JsonNode> lines, Instant now) throws IOException {
    return prune(lines, now, FLAKY_WINDOW);
  }

  /** {@link #prune(List, Instant)}, keeping the tests of the last {@code flakyWindow} decisions. */
  List<Path> prune(List<JsonNode> lines, Instant now, int flakyWindow) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    Set<String> needed = new HashSet<>();
    Map<String, Integer> lastPromotion = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      String type = line.path("type").asText();
      if ("promotion".equals(type) || "rollback".equals(type)) {
        lastPromotion.put(line.path("stage").asText(), i);
      }
    }
    for (String stage : lastPromotion.keySet()) {
      for (BuildIdentity build : History.mayRunAgain(lines, stage)) {
        History.keptTestsDecision(lines, build)
            .map(d -> d.path(History.EXECUTED_TESTS).asText(""))
            .ifPresent(needed::add);
      }
    }
    int recent = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      JsonNode line = lines.get(i);
      if (!line.has(History.EXECUTED_TESTS)) {
        continue;
      }
      boolean mayBePromoted =
          History.promotable(line, true)
              && i > lastPromotion.getOrDefault(line.path("stage").asText(), -1);
      if (mayBePromoted || recent++ < flakyWindow) {
        needed.add(line.get(History.EXECUTED_TESTS).asText());
      }
    }
    List<Path> deleted = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean kept =
            name.endsWith(SUFFIX)
                && needed.contains(name.substring(0, name.length() - SUFFIX.length()));
        boolean young = Files.getLastModifiedTime(file).toInstant().isAfter(now.minus(IN_FLIGHT));
        if (!kept && !young && Files.isRegularFile(file) && Files.deleteIfExists(file)) {
          deleted.add(file);
        }
      }
    }
    return deleted;
  }

  private Path file(String digest) {
    return folder.resolve(digest + SUFFIX);
  }
}
