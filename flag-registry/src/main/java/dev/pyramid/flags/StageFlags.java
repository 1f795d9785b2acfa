package dev.pyramid.flags;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The flags one stage runs: a flagd file (the one the stage's services read in file mode) whose
 * every flag is in the registry, with the registry's variants. Per flag it chooses the default
 * variant and the targeting, e.g. a feature on for pilot customers only:
 *
 * <pre>{@code
 * "wide-pickup": {
 *   "state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "off",
 *   "targeting": {"if": [{"in": [{"var": "targetingKey"}, ["rider-pilot-1"]]}, "on", "off"]}
 * }
 * }</pre>
 *
 * A registered flag the stage's file leaves out is unknown to flagd there: code gets its own
 * default.
 *
 * @param sha256 of the file's bytes as read (lower-case hex), which evidence of a test run with it
 *     names
 */
public record StageFlags(String stage, FlagDocument document, String sha256) {

  /**
   * Reads the flags {@code stage} runs from {@code file} and checks them against {@code registry}.
   *
   * @throws FlagFileException naming the file, the line, the flag and the fix
   */
  public static StageFlags read(String stage, Path file, FlagRegistry registry)
      throws FlagFileException {
    JsonSource source = JsonSource.read(file);
    FlagDocument document = FlagDocument.read(source);
    for (FlagConfig config : document.flags().values()) {
      check(source, config, registry);
    }
    return new StageFlags(stage, document, source.sha256());
  }

  /** The configuration of {@code flag} at this stage, if the stage's file has it. */
  public Optional<FlagConfig> flag(String flag) {
    return document.flag(flag);
  }

  /** The file read. */
  public Path file() {
    return document.file();
  }

  private static void check(JsonSource source, FlagConfig config, FlagRegistry registry)
      throws FlagFileException {
    String at = JsonSource.pointer("/flags", config.name());
    RegisteredFlag registered =
        registry
            .flag(config.name())
            .orElseThrow(
                () ->
                    new FlagFileException(
                        source.file(),
                        config.line(),
                        config.name(),
                        "is not in the registry "
                            + registry.file()
                            + "; register it there first (owner, description, kind, removal"
                            + " date)"));
    Map<String, JsonNode> known = registered.config().variants();
    for (Map.Entry<String, JsonNode> variant : config.variants().entrySet()) {
      JsonNode value = known.get(variant.getKey());
      int line = source.line(JsonSource.pointer(at + "/variants", variant.getKey()));
      if (value == null) {
        throw new FlagFileException(
            source.file(),
            line,
            config.name(),
            "variant \""
                + variant.getKey()
                + "\" is not in the registry "
                + registry.file()
                + ", which has "
                + known.keySet()
                + "; add it there first, or use one of those");
      }
      if (!value.equals(variant.getValue())) {
        throw new FlagFileException(
            source.file(),
            line,
            config.name(),
            "variant \""
                + variant.getKey()
                + "\" is "
                + variant.getValue()
                + " here and "
                + value
                + " in the registry "
                + registry.file()
                + "; a variant means one value everywhere");
      }
    }
  }
}
