package dev.pyramid.reporting.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.YamlLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code quarantine.yml}: {@code quarantine:} (failures that do not block) and {@code
 * retired:} (tests removed on purpose, not counted as vanished), each a list of {@code {test,
 * owner, reason, expires}} ({@code expires} as {@code yyyy-MM-dd}). A malformed entry is a {@link
 * PolicyException} naming the file, line and key. Thread-safe.
 */
public final class QuarantineReader {

  private static final Set<String> KEYS = Set.of("test", "owner", "reason", "expires");
  private static final Set<String> SECTIONS = Set.of("quarantine", "retired");

  /** Reads {@code file}. */
  public Quarantine read(Path file) throws PolicyException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new PolicyException(
          file, 0, "", "cannot read the quarantine file: " + e.getMessage(), e);
    }
    YamlLines.Parsed parsed = YamlLines.parse(file, text);
    YamlLines lines = parsed.lines();
    JsonNode root = parsed.root();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Quarantine(file, List.of(), List.of());
    }
    if (!root.isObject() || !SECTIONS.containsAll(names(root))) {
      throw new PolicyException(
          file,
          1,
          "quarantine",
          "the file holds quarantine: and retired:, each a list of entries {test, owner, reason,"
              + " expires}");
    }
    return new Quarantine(
        file, entries(file, lines, root, "quarantine"), entries(file, lines, root, "retired"));
  }

  /** The entries listed under {@code section}; none when it is absent or empty. */
  private static List<Quarantine.Entry> entries(
      Path file, YamlLines lines, JsonNode root, String section) throws PolicyException {
    JsonNode list = root.path(section);
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new PolicyException(file, lines.lineOf(section), section, "must be a list of entries");
    }
    List<Quarantine.Entry> entries = new ArrayList<>();
    Set<String> tests = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String key = section + "[" + i + "]";
      JsonNode entry = list.get(i);
      if (!entry.isObject()) {
        throw new PolicyException(
            file, lines.lineOf(key), key, "an entry is a map {test, owner, reason, expires}");
      }
      for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!KEYS.contains(field)) {
          throw new PolicyException(
              file,
              lines.lineOf(key + "." + field),
              key + "." + field,
              "unknown key \"" + field + "\"; an entry has test, owner, reason, expires");
        }
      }
      String test =
          text(
              file, lines, entry, key, "test", "className#methodName, as the result files name it");
      String owner = text(file, lines, entry, key, "owner", "who fixes it, e.g. a team or e-mail");
      String reason =
          text(
              file,
              lines,
              entry,
              key,
              "reason",
              section.equals("retired")
                  ? "why it was removed or renamed"
                  : "why it is quarantined");
      String expiresText =
          text(file, lines, entry, key, "expires", "the last valid day, yyyy-MM-dd");
      LocalDate expires;
      try {
        expires = LocalDate.parse(expiresText);
      } catch (DateTimeParseException e) {
        throw new PolicyException(
            file,
            lines.lineOf(key + ".expires"),
            key + ".expires",
            "\"" + expiresText + "\" is not a date yyyy-MM-dd",
            e);
      }
      if (!tests.add(test)) {
        throw new PolicyException(
            file,
            lines.lineOf(key + ".test"),
            key + ".test",
            "test \"" + test + "\" is listed twice");
      }
      entries.add(new Quarantine.Entry(test, owner, reason, expires, lines.lineOf(key)));
    }
    return entries;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String text(
      Path file, YamlLines lines, JsonNode entry, String key, String field, String hint)
      throws PolicyException {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull() || value.asText().isBlank() || value.isContainerNode()) {
      throw new PolicyException(
          file,
          lines.lineOf(value == null ? key : key + "." + field),
          key + "." + field,
          "missing or empty; give " + field + ": " + hint);
    }
    return value.asText().strip();
  }
}
