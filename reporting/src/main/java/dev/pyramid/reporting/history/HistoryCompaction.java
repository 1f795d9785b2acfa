package dev.pyramid.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * What compacting a history keeps of its lines older than a cutoff: everything baselines, rollbacks
 * and deliveries read, and what delivery metrics count; the rest of those lines (performance
 * figures, flag variants, failed and executed tests) goes to the archive only.
 *
 * <p>Kept whole, whatever their age: every promotion, rollback and delivery line (which build each
 * stage runs and ran, which flag states were delivered), and every decision line of the builds a
 * stage may run again (the one it runs and those a rollback may return to: their baselines). Kept
 * as what metrics read: the other whole-stage decisions. Left out: the other level runs, which
 * decide no promotion and count in no metric.
 *
 * <p>Before the history is rewritten, the whole file, as it was, is appended to the archive beside
 * it ({@code history.jsonl} keeps it in {@code history.archive.jsonl.gz}, one gzip member per
 * compaction: {@code zcat} reads them all), so that nothing is lost. Executed tests no line refers
 * to any more are deleted by the next decision's pruning.
 */
public final class HistoryCompaction {
  private HistoryCompaction() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What a compaction did.
   *
   * @param linesBefore the history's lines before
   * @param linesAfter its lines after (level runs older than the cutoff are left out)
   * @param compacted decision lines reduced to what metrics read
   * @param bytesBefore the file's size before
   * @param bytesAfter its size after
   * @param archive where the lines were kept whole, as they were
   */
  public record Compacted(
      int linesBefore,
      int linesAfter,
      int compacted,
      long bytesBefore,
      long bytesAfter,
      Path archive) {}

  /** Compacts {@code history}'s lines older than {@code before}, under its lock. */
  static Compacted run(History history, Instant before) throws IOException {
    Path archive = History.beside(history.file(), ".archive.jsonl.gz");
    return history.rewrite(
        (original, lines) -> {
          List<JsonNode> kept = compact(lines, before);
          StringBuilder text = new StringBuilder();
          for (JsonNode line : kept) {
            text.append(JSON.writeValueAsString(line)).append('\n');
          }
          byte[] compacted = text.toString().getBytes(StandardCharsets.UTF_8);
          try (OutputStream out =
              new GZIPOutputStream(
                  Files.newOutputStream(
                      archive, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            out.write(original);
          }
          try (FileChannel archived = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            archived.force(true);
          }
          long reduced =
              kept.stream().filter(line -> line.has("compacted")).count()
                  - lines.stream().filter(line -> line.has("compacted")).count();
          return new History.Rewritten<>(
              compacted,
              new Compacted(
                  lines.size(),
                  kept.size(),
                  (int) reduced,
                  original.length,
                  compacted.length,
                  archive));
        });
  }

  /** What a compacted decision line keeps. */
  static final List<String> METRIC_FIELDS =
      List.of(
          "type",
          "schema",
          "time",
          "stage",
          "lane",
          "commit",
          "buildId",
          "verdict",
          "levelRun",
          "committedAt",
          History.FAILED_CONDITIONS);

  /**
   * The compacted lines.
   *
   * @param lines every line of the history, oldest first
   * @param before lines at or after this time are kept whole
   */
  static List<JsonNode> compact(List<JsonNode> lines, Instant before) {
    Set<BuildIdentity> mayRunAgain = new HashSet<>();
    Set<String> stages = new HashSet<>();
    lines.forEach(line -> stages.add(line.path("stage").asText()));
    for (String stage : stages) {
      mayRunAgain.addAll(History.mayRunAgain(lines, stage));
    }
    List<JsonNode> kept = new ArrayList<>(lines.size());
    for (JsonNode line : lines) {
      boolean old = isBefore(line, before);
      boolean decision = "decision".equals(line.path("type").asText());
      if (!old || !decision || mayRunAgain.contains(identity(line))) {
        kept.add(line);
      } else if (!line.path("levelRun").asBoolean()) {
        ObjectNode compacted = ((ObjectNode) line).objectNode();
        METRIC_FIELDS.forEach(
            field -> {
              if (line.has(field)) {
                compacted.set(field, line.get(field));
              }
            });
        compacted.put("compacted", true);
        kept.add(compacted);
      }
    }
    return kept;
  }

  /** True when the line's time is before {@code before}; a line without a readable time is kept. */
  private static boolean isBefore(JsonNode line, Instant before) {
    try {
      return Instant.parse(line.path("time").asText()).isBefore(before);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static BuildIdentity identity(JsonNode line) {
    return new BuildIdentity(line.path("commit").asText(), line.path("buildId").asText());
  }
}
