package dev.pyramid.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FlagFilesTests {
  @TempDir Path dir;

  static final String REGISTRY =
      """
      {
        "flags": {
          "eta-buffer": {
            "state": "ENABLED",
            "variants": { "on": true, "off": false },
            "defaultVariant": "off",
            "metadata": {
              "owner": "team-dispatch",
              "description": "a buffer in the ETA",
              "kind": "release",
              "created": "2026-10-01",
              "removal": "2027-06-30"
            }
          },
          "stop-payments": {
            "state": "ENABLED",
            "variants": { "on": true, "off": false },
            "defaultVariant": "off",
            "metadata": {
              "owner": "team-payments",
              "description": "stops taking payments",
              "kind": "kill-switch",
              "created": "2025-01-01"
            }
          }
        }
      }
      """;

  Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  FlagRegistry registry() throws Exception {
    return FlagRegistry.read(write("registry.flagd.json", REGISTRY));
  }

  @Test
  void reads_each_flag_with_its_owner_kind_and_dates() throws Exception {
    FlagRegistry registry = registry();

    RegisteredFlag eta = registry.flag("eta-buffer").orElseThrow();
    assertThat(eta.owner()).isEqualTo("team-dispatch");
    assertThat(eta.kind()).isEqualTo(FlagKind.RELEASE);
    assertThat(eta.created()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(eta.removal()).contains(LocalDate.of(2027, 6, 30));
    assertThat(eta.config().variants().keySet()).containsExactly("on", "off");
    assertThat(eta.config().line()).isEqualTo(3);
    RegisteredFlag kill = registry.flag("stop-payments").orElseThrow();
    assertThat(kill.kind().mayBePermanent()).isTrue();
    assertThat(kill.removal()).isEmpty();
  }

  @Test
  void the_repositorys_own_registry_and_every_stage_file_are_valid() throws Exception {
    Path flags = Path.of("..", "flags");
    FlagRegistry registry = FlagRegistry.read(flags.resolve("registry.flagd.json"));
    assertThat(registry.flags()).containsKeys("eta-buffer", "wide-pickup");
    for (String stage : new String[] {"dev", "staging", "production"}) {
      StageFlags stageFlags =
          StageFlags.read(stage, flags.resolve("stages/" + stage + ".flagd.json"), registry);
      assertThat(stageFlags.document().flags()).containsKeys("eta-buffer", "wide-pickup");
      assertThat(stageFlags.sha256()).hasSize(64);
    }
  }

  @Test
  void a_file_that_is_not_json_names_the_line() throws Exception {
    Path file = write("registry.flagd.json", "{\n  \"flags\": {\n    \"a\": {,\n  }\n}\n");

    assertThatThrownBy(() -> FlagRegistry.read(file))
        .isInstanceOf(FlagFileException.class)
        .hasMessageStartingWith(file + ":3: is not JSON");
  }

  @Test
  void a_removal_date_that_is_not_a_date_names_file_line_and_flag() throws Exception {
    Path file = write("registry.flagd.json", REGISTRY.replace("\"2027-06-30\"", "\"end of June\""));

    assertThatThrownBy(() -> FlagRegistry.read(file))
        .isInstanceOf(FlagFileException.class)
        .hasMessage(
            file
                + ":12: flag \"eta-buffer\": metadata \"removal\" is \"end of June\", which is not"
                + " a date (yyyy-mm-dd)");
  }

  @Test
  void a_release_flag_needs_a_removal_date_and_a_kill_switch_does_not() throws Exception {
    Path file =
        write(
            "registry.flagd.json", REGISTRY.replace(",\n        \"removal\": \"2027-06-30\"", ""));

    assertThatThrownBy(() -> FlagRegistry.read(file))
        .hasMessageContaining("flag \"eta-buffer\": a release flag needs metadata \"removal\"");
  }

  @Test
  void a_flag_without_an_owner_or_of_an_unknown_kind_is_refused() throws Exception {
    Path noOwner = write("no-owner.json", REGISTRY.replace("\"owner\": \"team-dispatch\",", ""));
    Path oddKind = write("odd-kind.json", REGISTRY.replace("\"release\"", "\"temporary\""));

    assertThatThrownBy(() -> FlagRegistry.read(noOwner))
        .hasMessageContaining(":7: flag \"eta-buffer\": metadata \"owner\" must be the team");
    assertThatThrownBy(() -> FlagRegistry.read(oddKind))
        .hasMessageContaining(
            ":10: flag \"eta-buffer\": metadata \"kind\" is \"temporary\"; write one of release,"
                + " experiment, operational, permission, kill-switch");
  }

  @Test
  void what_flagd_refuses_is_refused_with_the_flag_and_the_line() throws Exception {
    assertThatThrownBy(
            () ->
                FlagDocument.read(
                    write("state.json", REGISTRY.replaceFirst("\"ENABLED\"", "\"ON\""))))
        .hasMessageContaining(":4: flag \"eta-buffer\": \"state\" must be \"ENABLED\" or");
    assertThatThrownBy(
            () ->
                FlagDocument.read(
                    write(
                        "mixed.json", REGISTRY.replaceFirst("\"off\": false", "\"off\": \"no\""))))
        .hasMessageContaining(
            ":5: flag \"eta-buffer\": variant \"off\" is a string where the flag's first variant"
                + " is a boolean");
    assertThatThrownBy(
            () ->
                FlagDocument.read(
                    write(
                        "default.json",
                        REGISTRY.replaceFirst(
                            "\"defaultVariant\": \"off\"", "\"defaultVariant\": \"dark\""))))
        .hasMessageContaining(
            ":6: flag \"eta-buffer\": \"defaultVariant\" is \"dark\", which is not one of its"
                + " variants [on, off]");
    assertThatThrownBy(() -> FlagDocument.read(write("list.json", "{\"flags\": []}")))
        .hasMessageContaining(":1: \"flags\" must be an object of flags by name");
    assertThatThrownBy(
            () -> FlagDocument.read(write("twice.json", "{\"flags\": {}, \"flags\": {}}")))
        .hasMessageContaining("is not JSON: Duplicate field 'flags'");
  }

  @Test
  void a_stage_file_may_name_only_registered_flags_and_their_variants() throws Exception {
    FlagRegistry registry = registry();
    Path unknownVariant =
        write(
            "production.flagd.json",
            """
            {
              "flags": {
                "eta-buffer": {
                  "state": "ENABLED",
                  "variants": { "on": true, "off": false, "long": true },
                  "defaultVariant": "long"
                }
              }
            }
            """);
    Path unknownFlag =
        write(
            "staging.flagd.json",
            """
            {"flags": {"surge-pricing": {"state": "ENABLED", "variants": {"on": true},
              "defaultVariant": "on"}}}
            """);

    assertThatThrownBy(() -> StageFlags.read("production", unknownVariant, registry))
        .hasMessage(
            unknownVariant
                + ":5: flag \"eta-buffer\": variant \"long\" is not in the registry "
                + registry.file()
                + ", which has [on, off]; add it there first, or use one of those");
    assertThatThrownBy(() -> StageFlags.read("staging", unknownFlag, registry))
        .hasMessageContaining(":1: flag \"surge-pricing\": is not in the registry");
  }

  @Test
  void the_reachable_variants_are_the_default_and_those_the_targeting_names() throws Exception {
    Path file =
        write(
            "targeted.json",
            """
            {"flags": {"wide-pickup": {"state": "ENABLED", "variants": {"on": true, "off": false},
              "defaultVariant": "off",
              "targeting": {"if": [{"in": [{"var": "targetingKey"}, ["rider-on"]]}, "on", "off"]}},
             "dark": {"state": "DISABLED", "variants": {"on": true, "off": false},
              "defaultVariant": "on"}}}
            """);

    FlagDocument document = FlagDocument.read(file);

    assertThat(document.flag("wide-pickup").orElseThrow().reachableVariants())
        .containsExactly("off", "on");
    assertThat(document.flag("dark").orElseThrow().reachableVariants()).isEmpty();
  }
}
