package dev.pyramid.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openfeature.contrib.providers.flagd.resolver.process.model.FlagParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds this module's reading of flagd's format to flagd's own parser (dev.openfeature.contrib
 * flagd), which validates against the schema it ships: what one accepts the other accepts.
 */
@Tag("unit")
class FlagdAgreementTests {
  @TempDir Path dir;

  @Test
  void flagd_accepts_the_repositorys_registry_and_stage_files() throws Exception {
    for (String name :
        new String[] {
          "registry.flagd.json",
          "stages/dev.flagd.json",
          "stages/staging.flagd.json",
          "stages/production.flagd.json"
        }) {
      String json = Files.readString(Path.of("..", "flags", name));
      assertThat(FlagParser.parseString(json, true).getFlags()).isNotEmpty();
      assertThatCode(() -> FlagDocument.read(Path.of("..", "flags", name)))
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"flags\": {\"f\": {\"state\": \"ON\", \"variants\": {\"on\": true}, \"defaultVariant\": \"on\"}}}",
        "{\"flags\": {\"f\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true, \"off\": \"no\"}, \"defaultVariant\": \"on\"}}}",
        "{\"flags\": {\"f\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true}}}}",
        "{\"flags\": {\"f\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true}, \"defaultVariant\": \"on\", \"metadata\": {\"owner\": [\"a\"]}}}}",
        "{\"flags\": [], \"x\": 1}",
        "{\"flags\": {\"f\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true}, \"defaultVariant\": 1}}}",
        "{\"flags\": {\"f\": "
      })
  void what_flagd_refuses_is_refused_here(String json) throws Exception {
    Path file = Files.writeString(dir.resolve("flags.json"), json);

    assertThatThrownBy(() -> FlagParser.parseString(json, true)).isNotNull();
    assertThatThrownBy(() -> FlagDocument.read(file)).isInstanceOf(FlagFileException.class);
  }
}
