package dev.pyramid.reporting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of one evidence file the framework's tests write in Pyramid's own JSON ({@code
 * "pyramid": <format>}, {@code "schemaVersion": n}): its header checked, and each field read or
 * refused naming its path in the document ({@code pacts[0].interactions[1].result}), the format and
 * the schema version. What a reader cannot read is unreadable evidence, never skipped, so a
 * condition fails closed on it. Immutable.
 *
 * @param file the file read, which every refusal names
 * @param format the {@code pyramid} value the file must have, e.g. {@code stage-contracts}
 * @param schemaVersion the newest schema version this gate reads
 * @param source the policy key whose globs find such files, e.g. {@code sources.e2e.rolling-update}
 * @param writer who writes them, e.g. {@code the contract tests}
 * @param at what every refusal starts with to say where in the file, e.g. {@code "line 3: "} for a
 *     file of JSON lines; empty for a file of one document
 */
record PyramidJson(
    Path file, String format, int schemaVersion, String source, String writer, String at) {

  /** The fields of a file that holds one JSON document. */
  PyramidJson(Path file, String format, int schemaVersion, String source, String writer) {
    this(file, format, schemaVersion, source, writer, "");
  }

  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  /**
   * The document in {@code bytes}, its {@code pyramid} and {@code schemaVersion} checked: another
   * format means a glob that reads the wrong files, a newer schema a gate older than the framework.
   */
  JsonNode read(byte[] bytes) throws UnreadableEvidenceException {
    JsonNode root = PactReportReader.tree(file, bytes);
    String pyramid = root.path("pyramid").asText("");
    if (!pyramid.equals(format)) {
      throw new UnreadableEvidenceException(
          file,
          at
              + "not a Pyramid "
              + format
              + " file: \"pyramid\" is "
              + (pyramid.isEmpty() ? "missing" : "\"" + pyramid + "\"")
              + ", expected \""
              + format
              + "\"; narrow "
              + source
              + " to the files "
              + writer
              + " write");
    }
    JsonNode version = root.path("schemaVersion");
    if (!version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
      throw wrong("schemaVersion", "a whole number from 1");
    }
    if (version.asInt() > schemaVersion) {
      throw new UnreadableEvidenceException(
          file,
          at
              + "schemaVersion "
              + version.asInt()
              + " is newer than this gate reads ("
              + schemaVersion
              + "): run a gate as new as the framework that wrote it");
    }
    return root;
  }

  /** The field {@code where} names (its last segment is the key in {@code node}); may be null. */
  JsonNode present(JsonNode node, String where) throws UnreadableEvidenceException {
    JsonNode value = node.get(where.substring(where.lastIndexOf('.') + 1));
    if (value == null) {
      throw new UnreadableEvidenceException(
          file,
          at
              + "\""
              + where
              + "\" is missing ("
              + format
              + " schemaVersion "
              + schemaVersion
              + " requires it)");
    }
    return value;
  }

  JsonNode object(JsonNode node, String where) throws UnreadableEvidenceException {
    if (!node.isObject()) {
      throw wrong(where, "an object");
    }
    return node;
  }

  JsonNode array(JsonNode node, String where) throws UnreadableEvidenceException {
    JsonNode value = present(node, where);
    if (!value.isArray()) {
      throw wrong(where, "an array");
    }
    return value;
  }

  String text(JsonNode node, String where) throws UnreadableEvidenceException {
    JsonNode value = present(node, where);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw wrong(where, "a non-empty string");
    }
    return value.asText();
  }

  /** An optional string: absent or null is empty. */
  String optionalText(JsonNode node, String where) throws UnreadableEvidenceException {
    JsonNode value = node.path(where.substring(where.lastIndexOf('.') + 1));
    if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
      throw wrong(where, "a string, or null");
    }
    return value.asText("");
  }

  /** A SHA-256 in hex, lower-cased. */
  String sha256(JsonNode node, String where) throws UnreadableEvidenceException {
    String value = text(node, where);
    if (!SHA256.matcher(value).matches()) {
      throw wrong(where, "a SHA-256 in hex (64 digits)");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  UnreadableEvidenceException wrong(String where, String expected) {
    return new UnreadableEvidenceException(
        file,
        at
            + "\""
            + where
            + "\" is not "
            + expected
            + " ("
            + format
            + " schemaVersion "
            + schemaVersion
            + ")");
  }
}
