package dev.pyramid.flags;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every feature flag of a platform, accounted for in advance: a flagd file whose flags each carry,
 * in their {@code metadata}, an {@code owner}, a {@code description}, a {@code kind} ({@link
 * FlagKind}), the day it was {@code created} and the day it is due for {@code removal} (yyyy-mm-dd;
 * a kind that may be permanent may leave it out). Its variants are every state the flag can be in;
 * its default variant and targeting are what code gets where a stage's own file does not say
 * otherwise.
 *
 * <pre>{@code
 * "eta-buffer": {
 *   "state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "off",
 *   "metadata": {"owner": "team-dispatch", "description": "...", "kind": "release",
 *                "created": "2026-10-01", "removal": "2027-03-31"}
 * }
 * }</pre>
 *
 * @param flags by name, in the file's order
 */
public record FlagRegistry(Path file, Map<String, RegisteredFlag> flags) {

  public FlagRegistry {
    flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
  }

  /** The registered flag named {@code name}, if any. */
  public Optional<RegisteredFlag> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }

  /**
   * Reads and checks the registry in {@code file}.
   *
   * @throws FlagFileException naming the file, the line, the flag and the fix
   */
  public static FlagRegistry read(Path file) throws FlagFileException {
    JsonSource source = JsonSource.read(file);
    FlagDocument document = FlagDocument.read(source);
    Map<String, RegisteredFlag> flags = new LinkedHashMap<>();
    for (FlagConfig config : document.flags().values()) {
      flags.put(config.name(), registered(source, config));
    }
    return new FlagRegistry(file, flags);
  }

  private static RegisteredFlag registered(JsonSource source, FlagConfig config)
      throws FlagFileException {
    String at = JsonSource.pointer("/flags", config.name()) + "/metadata";
    String owner = text(source, config, at, "owner", "the team or person who answers for it");
    String description = text(source, config, at, "description", "what it changes for whom");
    String kindId = text(source, config, at, "kind", "one of " + FlagKind.ids());
    FlagKind kind =
        FlagKind.byId(kindId)
            .orElseThrow(
                () ->
                    new FlagFileException(
                        source.file(),
                        source.line(at + "/kind"),
                        config.name(),
                        "metadata \"kind\" is \"" + kindId + "\"; write one of " + FlagKind.ids()));
    LocalDate created = date(source, config, at, "created");
    Optional<LocalDate> removal = Optional.empty();
    if (config.metadata().containsKey("removal")) {
      removal = Optional.of(date(source, config, at, "removal"));
      if (removal.get().isBefore(created)) {
        throw new FlagFileException(
            source.file(),
            source.line(at + "/removal"),
            config.name(),
            "metadata \"removal\" " + removal.get() + " is before \"created\" " + created);
      }
    } else if (!kind.mayBePermanent()) {
      throw new FlagFileException(
          source.file(),
          source.line(at),
          config.name(),
          "a "
              + kind.id()
              + " flag needs metadata \"removal\": the day it is due to go (yyyy-mm-dd); only"
              + " operational, permission and kill-switch flags may stay");
    }
    return new RegisteredFlag(config, owner, description, kind, created, removal);
  }

  private static String text(
      JsonSource source, FlagConfig config, String at, String key, String what)
      throws FlagFileException {
    JsonNode value = config.metadata().get(key);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new FlagFileException(
          source.file(),
          source.line(value == null ? at : at + "/" + key),
          config.name(),
          "metadata \""
              + key
              + "\" must be "
              + what
              + (value == null ? "; it is missing" : "; it is " + value));
    }
    return value.asText().strip();
  }

  private static LocalDate date(JsonSource source, FlagConfig config, String at, String key)
      throws FlagFileException {
    String text = text(source, config, at, key, "a date (yyyy-mm-dd)");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new FlagFileException(
          source.file(),
          source.line(at + "/" + key),
          config.name(),
          "metadata \"" + key + "\" is \"" + text + "\", which is not a date (yyyy-mm-dd)",
          e);
    }
  }
}
