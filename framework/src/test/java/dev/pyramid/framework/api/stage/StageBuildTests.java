package dev.pyramid.framework.api.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store beside the history, laid out as {@code pyramid promote} writes it. */
@UnitTest
class StageBuildTests {
  @TempDir Path dir;

  private Path history() {
    return dir.resolve("history.jsonl");
  }

  private Path store() {
    return dir.resolve("history.deployed");
  }

  /** Keeps {@code files} (kind/path → content) as build c0ffee/42, and points production at it. */
  private void promoted(Map<String, String> files) throws Exception {
    Path build = store().resolve("c0ffee/42");
    StringBuilder manifest =
        new StringBuilder("{\"commit\":\"c0ffee\",\"buildId\":\"42\",\"files\":[");
    String separator = "";
    for (Map.Entry<String, String> file : files.entrySet()) {
      String kind = file.getKey().substring(0, file.getKey().indexOf('/'));
      String path = file.getKey().substring(kind.length() + 1);
      Path copy = build.resolve(kind).resolve(path);
      Files.createDirectories(copy.getParent());
      Files.writeString(copy, file.getValue());
      manifest
          .append(separator)
          .append("{\"kind\":\"")
          .append(kind)
          .append("\",\"path\":\"")
          .append(path)
          .append("\",\"sha256\":\"")
          .append(sha256(file.getValue()))
          .append("\",\"size\":")
          .append(file.getValue().length())
          .append('}');
      separator = ",";
    }
    Files.writeString(build.resolve("manifest.json"), manifest.append("]}"));
    pointer(
        "{\"schemaVersion\":1,\"stage\":\"production\",\"commit\":\"c0ffee\",\"buildId\":\"42\","
            + "\"dir\":\"c0ffee/42\",\"since\":\"2026-12-02T10:00:00Z\",\"by\":\"promote\"}");
  }

  private void pointer(String json) throws IOException {
    Files.createDirectories(store().resolve("stages"));
    Files.writeString(store().resolve("stages/production.json"), json);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_stage_without_a_pointer_runs_no_build_and_says_which_file_it_looked_for() {
    StageBuild.Lookup lookup = StageBuild.running("production", history());

    assertThat(lookup.build()).isEmpty();
    assertThat(lookup.reason())
        .contains("production runs no build promoted with pyramid promote")
        .contains(store().resolve("stages/production.json").toString());
  }

  @Test
  void the_pointed_build_lists_its_kept_files_by_kind_and_picks_one_by_glob() throws Exception {
    promoted(
        Map.of(
            "pacts/contract-tests/target/pacts/api-gateway-fleet-core.json", "{}",
            "artifacts/platform/fleet-core/target/fleet-core-1.0-all.jar", "core",
            "artifacts/platform/api-gateway/target/api-gateway-1.0-all.jar", "gateway"));

    StageBuild build = StageBuild.running("production", history()).build().orElseThrow();

    assertThat(build.commit()).isEqualTo("c0ffee");
    assertThat(build.buildId()).isEqualTo("42");
    assertThat(build.files("pacts"))
        .extracting(KeptFile::path)
        .containsExactly("contract-tests/target/pacts/api-gateway-fleet-core.json");
    KeptFile core =
        build.file("artifacts", "platform/fleet-core/target/fleet-core-*-all.jar").orElseThrow();
    assertThat(core.verified()).hasContent("core");
    assertThat(build.file("artifacts", "platform/billing/target/*.jar")).isEmpty();
    assertThatThrownBy(() -> build.file("artifacts", "platform/*/target/*-all.jar"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("matches 2 kept artifacts")
        .hasMessageContaining("Narrow it to one");
  }

  @Test
  void the_stage_is_read_from_the_configuration_with_production_as_the_default() throws Exception {
    promoted(Map.of("api/fleet-core.yaml", "openapi: 3.0.3"));

    StageBuild.Lookup lookup =
        StageBuild.fromConfiguration(
            key -> key.equals(StageBuild.HISTORY_KEY) ? history().toString() : null);

    assertThat(lookup.stage()).isEqualTo("production");
    assertThat(lookup.build()).isPresent();
    assertThat(
            StageBuild.fromConfiguration(
                    key ->
                        key.equals(StageBuild.HISTORY_KEY)
                            ? history().toString()
                            : key.equals(StageBuild.STAGE_KEY) ? "staging" : null)
                .build())
        .isEmpty();
  }

  @Test
  void a_kept_file_changed_after_promote_is_refused_naming_both_hashes() throws Exception {
    promoted(Map.of("artifacts/core.jar", "core"));
    KeptFile core =
        StageBuild.running("production", history()).build().orElseThrow().files().get(0);
    Files.writeString(core.location(), "tampered");

    assertThatThrownBy(core::verified)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was changed after pyramid promote kept it")
        .hasMessageContaining(sha256("core"));
  }

  @Test
  void a_build_that_kept_nothing_is_still_the_build_the_stage_runs() throws Exception {
    pointer(
        "{\"schemaVersion\":1,\"stage\":\"production\",\"commit\":\"c0ffee\",\"buildId\":\"42\","
            + "\"dir\":null,\"by\":\"promote\"}");

    StageBuild build = StageBuild.running("production", history()).build().orElseThrow();

    assertThat(build.files()).isEmpty();
  }

  @Test
  void a_damaged_store_is_an_error_that_names_the_file_and_the_fix() throws Exception {
    pointer("{\"commit\":\"c0ffee\"");
    assertThatThrownBy(() -> StageBuild.running("production", history()))
        .hasMessageContaining("production.json is not what pyramid promote writes: it is not JSON")
        .hasMessageContaining("Restore the store beside the history");

    pointer("{\"commit\":\"c0ffee\",\"buildId\":\"42\",\"dir\":\"../../etc\"}");
    assertThatThrownBy(() -> StageBuild.running("production", history()))
        .hasMessageContaining("leads out of");

    pointer("{\"commit\":\"c0ffee\",\"buildId\":\"42\",\"dir\":\"c0ffee/42\"}");
    assertThatThrownBy(() -> StageBuild.running("production", history()))
        .hasMessageContaining("which holds no manifest.json");
  }
}
