package dev.pyramid.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FlagChangeTests {
  @TempDir Path dir;

  FlagDocument document(String name, String flags) throws Exception {
    return FlagDocument.read(Files.writeString(dir.resolve(name), "{\"flags\": {" + flags + "}}"));
  }

  static String flag(String name, String defaultVariant, String targeting) {
    return "\""
        + name
        + "\": {\"state\": \"ENABLED\", \"variants\": {\"on\": true, \"off\": false},"
        + " \"defaultVariant\": \""
        + defaultVariant
        + "\""
        + (targeting == null ? "" : ", \"targeting\": " + targeting)
        + "}";
  }

  @Test
  void only_flags_that_serve_otherwise_are_changes_with_what_they_serve_before_and_after()
      throws Exception {
    String pilots =
        "{\"if\": [{\"in\": [{\"var\": \"targetingKey\"}, [\"p1\"]]}, \"on\", \"off\"]}";
    FlagDocument old =
        document("old.json", flag("eta", "off", null) + "," + flag("wide", "off", null));
    FlagDocument next =
        document(
            "new.json",
            flag("eta", "off", null)
                + ","
                + flag("wide", "off", pilots)
                + ","
                + flag("new", "on", null));

    List<FlagChange> changes = FlagChange.between(old, next);

    assertThat(changes).extracting(FlagChange::flag).containsExactly("wide", "new");
    FlagChange wide = changes.get(0);
    assertThat(wide.fromState()).isEqualTo("default off");
    assertThat(wide.toState()).startsWith("default off, targeting {\"if\"");
    assertThat(wide.fromVariants()).containsExactly("off");
    assertThat(wide.toVariants()).containsExactly("off", "on");
    assertThat(changes.get(1).fromState()).isEqualTo("absent");
  }
}
