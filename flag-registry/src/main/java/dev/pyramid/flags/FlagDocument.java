package dev.pyramid.flags;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A file in flagd's format (<a href="https://flagd.dev/schema/v0/flags.json">flags.json</a>), as
 * flagd itself would accept it: a {@code flags} object, each flag with a {@code state} (ENABLED or
 * DISABLED), {@code variants} of one JSON type, a {@code defaultVariant} among them, optionally a
 * {@code targeting} rule and {@code metadata} of strings, numbers and booleans. Shared targeting
 * ({@code $evaluators}) is accepted as flagd accepts it.
 *
 * @param flags by name, in the file's order
 */
public record FlagDocument(Path file, Map<String, FlagConfig> flags) {

  private static final java.util.Set<String> TOP_LEVEL =
      java.util.Set.of("$schema", "flags", "$evaluators", "metadata");

  public FlagDocument {
    flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
  }

  /** The flag named {@code name}, if the file has it. */
  public Optional<FlagConfig> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }

  /**
   * Reads {@code file}.
   *
   * @throws FlagFileException naming the file, the line, the flag and what flagd's format wants
   */
  public static FlagDocument read(Path file) throws FlagFileException {
    return read(JsonSource.read(file));
  }

  static FlagDocument read(JsonSource source) throws FlagFileException {
    Path file = source.file();
    JsonNode root = source.root();
    if (!root.isObject()) {
      throw new FlagFileException(
          file, 1, null, "is not a flagd flag file: expected a JSON object with \"flags\"");
    }
    for (Map.Entry<String, JsonNode> member : root.properties()) {
      if (!TOP_LEVEL.contains(member.getKey())) {
        throw new FlagFileException(
            file,
            source.line("/" + member.getKey()),
            null,
            "\""
                + member.getKey()
                + "\" is not a member of a flagd file; it has "
                + String.join(", ", new java.util.TreeSet<>(TOP_LEVEL)));
      }
    }
    JsonNode flags = root.get("flags");
    if (flags == null || !flags.isObject()) {
      throw new FlagFileException(
          file,
          source.line("/flags"),
          null,
          flags == null
              ? "has no \"flags\" object; a flagd file lists its flags under \"flags\""
              : "\"flags\" must be an object of flags by name");
    }
    JsonNode evaluators = root.get("$evaluators");
    if (evaluators != null && !evaluators.isObject()) {
      throw new FlagFileException(
          file, source.line("/$evaluators"), null, "\"$evaluators\" must be an object");
    }
    Map<String, FlagConfig> read = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> flag : flags.properties()) {
      read.put(flag.getKey(), flag(source, flag.getKey(), flag.getValue()));
    }
    return new FlagDocument(file, read);
  }

  private static FlagConfig flag(JsonSource source, String name, JsonNode node)
      throws FlagFileException {
    String at = JsonSource.pointer("/flags", name);
    Path file = source.file();
    int line = source.line(at);
    if (name.isEmpty()) {
      throw new FlagFileException(file, line, name, "a flag's name must not be empty");
    }
    if (!node.isObject()) {
      throw new FlagFileException(
          file, line, name, "must be an object with state, variants and defaultVariant");
    }
    JsonNode state = node.get("state");
    if (state == null
        || !state.isTextual()
        || !(state.asText().equals("ENABLED") || state.asText().equals("DISABLED"))) {
      throw new FlagFileException(
          file,
          source.line(at + "/state"),
          name,
          "\"state\" must be \"ENABLED\" or \"DISABLED\"" + found(state));
    }
    JsonNode variants = node.get("variants");
    if (variants == null || !variants.isObject() || variants.isEmpty()) {
      throw new FlagFileException(
          file,
          source.line(at + "/variants"),
          name,
          "\"variants\" must be an object of at least one variant, e.g. {\"on\": true, \"off\":"
              + " false}"
              + found(variants));
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    String type = null;
    for (Map.Entry<String, JsonNode> variant : variants.properties()) {
      String variantType = type(variant.getValue());
      if (variantType == null) {
        throw new FlagFileException(
            file,
            source.line(JsonSource.pointer(at + "/variants", variant.getKey())),
            name,
            "variant \""
                + variant.getKey()
                + "\" must be a boolean, a string, a number or an object"
                + found(variant.getValue()));
      }
      if (type != null && !type.equals(variantType)) {
        throw new FlagFileException(
            file,
            source.line(JsonSource.pointer(at + "/variants", variant.getKey())),
            name,
            "variant \""
                + variant.getKey()
                + "\" is a "
                + variantType
                + " where the flag's first variant is a "
                + type
                + "; every variant of a flag has one type");
      }
      type = variantType;
      values.put(variant.getKey(), variant.getValue());
    }
    JsonNode defaultVariant = node.get("defaultVariant");
    if (defaultVariant == null || !defaultVariant.isTextual()) {
      throw new FlagFileException(
          file,
          source.line(at + "/defaultVariant"),
          name,
          "\"defaultVariant\" must name one of the variants "
              + values.keySet()
              + found(defaultVariant));
    }
    if (!values.containsKey(defaultVariant.asText())) {
      throw new FlagFileException(
          file,
          source.line(at + "/defaultVariant"),
          name,
          "\"defaultVariant\" is \""
              + defaultVariant.asText()
              + "\", which is not one of its variants "
              + values.keySet());
    }
    JsonNode targeting = node.get("targeting");
    if (targeting != null && !targeting.isObject()) {
      throw new FlagFileException(
          file,
          source.line(at + "/targeting"),
          name,
          "\"targeting\" must be a JsonLogic rule (an object)" + found(targeting));
    }
    JsonNode metadata = node.get("metadata");
    Map<String, JsonNode> meta = new LinkedHashMap<>();
    if (metadata != null) {
      if (!metadata.isObject()) {
        throw new FlagFileException(
            file,
            source.line(at + "/metadata"),
            name,
            "\"metadata\" must be an object" + found(metadata));
      }
      for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
        JsonNode value = entry.getValue();
        if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
          throw new FlagFileException(
              file,
              source.line(JsonSource.pointer(at + "/metadata", entry.getKey())),
              name,
              "metadata \""
                  + entry.getKey()
                  + "\" must be a string, a number or a boolean"
                  + found(value));
        }
        meta.put(entry.getKey(), value);
      }
    }
    return new FlagConfig(
        name,
        state.asText().equals("ENABLED"),
        values,
        defaultVariant.asText(),
        targeting == null || targeting.isEmpty() ? Optional.empty() : Optional.of(targeting),
        meta,
        line);
  }

  private static String type(JsonNode value) {
    if (value.isBoolean()) {
      return "boolean";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isObject()) {
      return "object";
    }
    return null;
  }

  private static String found(JsonNode node) {
    return node == null ? "; it is missing" : "; it is " + node;
  }
}
