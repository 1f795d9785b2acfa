package dev.pyramid.framework.api.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.internal.files.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Pyramid evidence file about a check against what a stage runs ({@code stage-contracts}, {@code
 * rolling-update}), as the gate reads it: a head naming the kind, the schema, the stage and the
 * build it runs (null when the tests found none) and why nothing was checked, then the kind's own
 * fields; written whole, so that the gate never reads half of one.
 *
 * <pre>{@code
 * ObjectNode root = EvidenceFile.head("rolling-update", lookup, note);
 * root.putArray("services")...;
 * EvidenceFile.write(file, root);
 * }</pre>
 */
public final class EvidenceFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvidenceFile() {}

  /**
   * The head of a schema-1 file of {@code kind} about {@code lookup}'s stage; {@code note} (why
   * nothing was checked) is left out when null.
   */
  public static ObjectNode head(String kind, StageBuild.Lookup lookup, String note) {
    ObjectNode root = JSON.createObjectNode();
    root.put("pyramid", kind);
    root.put("schemaVersion", 1);
    root.put("stage", lookup.stage());
    if (lookup.build().isPresent()) {
      ObjectNode build = root.putObject("stageBuild");
      build.put("commit", lookup.build().get().commit());
      build.put("buildId", lookup.build().get().buildId());
    } else {
      root.putNull("stageBuild");
    }
    if (note != null) {
      root.put("note", note);
    }
    return root;
  }

  /** A file as the evidence names one: {@code {"path": ..., "sha256": ...}}. */
  public static ObjectNode file(String path, String sha256) {
    ObjectNode node = JSON.createObjectNode();
    node.put("path", path);
    node.put("sha256", sha256);
    return node;
  }

  /** The SHA-256 of {@code file}'s bytes, lower-case hex, as the gate and the store write it. */
  public static String sha256(Path file) {
    return Sha256.of(file);
  }

  /**
   * Writes {@code root} to {@code file}, through a sibling moved into place.
   *
   * @throws UncheckedIOException when it cannot be written, naming the file
   */
  public static void write(Path file, ObjectNode root) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      JSON.writeValue(partial.toFile(), root);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
