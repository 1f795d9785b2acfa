package dev.pyramid.flags;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One flag as a flagd file configures it: its variants, the variant served when no targeting rule
 * applies, and the targeting rule (JsonLogic) that picks a variant per evaluation context.
 *
 * @param variants by name, in the file's order; their values all of one JSON type
 * @param targeting the rule; empty when every evaluation gets {@code defaultVariant}
 * @param metadata the flag's metadata as written (strings, numbers, booleans)
 * @param line where the flag's entry starts in its file
 */
public record FlagConfig(
    String name,
    boolean enabled,
    Map<String, JsonNode> variants,
    String defaultVariant,
    Optional<JsonNode> targeting,
    Map<String, JsonNode> metadata,
    int line) {

  public FlagConfig {
    variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * The variants an evaluation can get under this configuration: none when the flag is disabled
   * (flagd then answers as for an unknown flag and code takes its own default); else the default
   * variant and each variant the targeting rule names (every string in it that is a variant's name:
   * {@code if} branches, {@code fractional} buckets).
   */
  public Set<String> reachableVariants() {
    Set<String> reachable = new LinkedHashSet<>();
    if (!enabled) {
      return reachable;
    }
    reachable.add(defaultVariant);
    targeting.ifPresent(rule -> collectVariantNames(rule, reachable));
    return reachable;
  }

  /**
   * What this configuration serves, as a value to compare: enabled or not, the default variant and
   * the targeting rule; two configurations that serve alike are equal states.
   */
  public String state() {
    if (!enabled) {
      return "disabled";
    }
    return "default " + defaultVariant + targeting.map(rule -> ", targeting " + rule).orElse("");
  }

  private void collectVariantNames(JsonNode node, Set<String> names) {
    if (node.isTextual() && variants.containsKey(node.asText())) {
      names.add(node.asText());
    }
    node.forEach(child -> collectVariantNames(child, names));
  }
}
