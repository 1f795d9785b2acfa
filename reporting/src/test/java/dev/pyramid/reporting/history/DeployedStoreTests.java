package dev.pyramid.reporting.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.internal.files.Sha256;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the stages run: the files promote keeps of each build, and which builds stay kept. */
@UnitTest
class DeployedStoreTests {

  private static final Policy.Deployed DEPLOYED =
      new Policy.Deployed(
          Map.of(
              "api", List.of("platform/*/src/main/resources/openapi/*.yaml"),
              "pacts", List.of("contract-tests/target/pacts/*.json"),
              "artifacts", List.of("platform/*/target/*.jar")));

  @TempDir Path checkout;
  @TempDir Path dir;

  @Test
  void keeps_each_kind_s_files_by_their_path_with_a_manifest() throws Exception {
    write("platform/fleet-core/src/main/resources/openapi/fleet-core.yaml", "openapi: 3.0.3");
    write("platform/fleet-core/target/fleet-core.jar", "jar bytes");
    write("contract-tests/target/pacts/api-gateway-fleet-core.json", "{}");
    write("platform/fleet-core/src/main/java/Core.java", "not kept");
    History history = new History(dir.resolve("history.jsonl"));
    BuildIdentity build = new BuildIdentity("c0ffee", "b1");

    List<DeployedStore.Kept> kept = history.deployed().keep(build, DEPLOYED, checkout);

    assertThat(kept)
        .extracting(DeployedStore.Kept::kind, DeployedStore.Kept::path)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "api", "platform/fleet-core/src/main/resources/openapi/fleet-core.yaml"),
            org.assertj.core.api.Assertions.tuple(
                "pacts", "contract-tests/target/pacts/api-gateway-fleet-core.json"),
            org.assertj.core.api.Assertions.tuple(
                "artifacts", "platform/fleet-core/target/fleet-core.jar"));
    assertThat(history.deployed().folder()).isEqualTo(dir.resolve("history.deployed"));
    assertThat(Files.readString(history.deployed().file(build, kept.get(0))))
        .isEqualTo("openapi: 3.0.3");
    assertThat(history.deployed().kept(build)).contains(kept);
  }

  @Test
  void the_baseline_of_a_stage_names_the_api_documents_its_build_kept() throws Exception {
    write("platform/fleet-core/src/main/resources/openapi/fleet-core.yaml", "openapi: 3.0.3");
    write("platform/fleet-core/target/fleet-core.jar", "jar bytes");
    History history = new History(dir.resolve("history.jsonl"));
    BuildIdentity build = new BuildIdentity("c0ffee", "b1");
    history.deployed().keep(build, DEPLOYED, checkout);
    history.append(History.promotionLine("staging", "default", build, null, Instant.now()));

    assertThat(history.baseline(history.read(), "staging").orElseThrow().api())
        .singleElement()
        .satisfies(api -> assertThat(api).hasContent("openapi: 3.0.3"));
  }

  @Test
  void the_baseline_of_a_stage_lists_the_pacts_and_artifacts_its_build_kept_with_their_digests()
      throws Exception {
    write("contract-tests/target/pacts/api-gateway-fleet-core.json", "{}");
    write("platform/fleet-core/target/fleet-core.jar", "jar bytes");
    History history = new History(dir.resolve("history.jsonl"));
    BuildIdentity build = new BuildIdentity("c0ffee", "b1");
    history.deployed().keep(build, DEPLOYED, checkout);
    history.append(History.promotionLine("staging", "default", build, null, Instant.now()));

    Baseline baseline = history.baseline(history.read(), "staging").orElseThrow();

    assertThat(baseline.kept("pacts"))
        .singleElement()
        .satisfies(
            pact -> {
              assertThat(pact.path())
                  .isEqualTo("contract-tests/target/pacts/api-gateway-fleet-core.json");
              assertThat(pact.sha256()).isEqualTo(Sha256.of("{}".getBytes(UTF_8)));
              assertThat(pact.file()).hasContent("{}");
            });
    assertThat(baseline.kept("artifacts"))
        .singleElement()
        .satisfies(
            jar -> assertThat(jar.sha256()).isEqualTo(Sha256.of("jar bytes".getBytes(UTF_8))));
    assertThat(baseline.build()).isEqualTo("c0ffee/b1");
  }

  @Test
  void a_build_promoted_to_a_second_stage_keeps_what_it_kept_first() throws Exception {
    write("platform/fleet-core/target/fleet-core.jar", "first");
    History history = new History(dir.resolve("history.jsonl"));
    BuildIdentity build = new BuildIdentity("c0ffee", "b1");
    List<DeployedStore.Kept> first = history.deployed().keep(build, DEPLOYED, checkout);
    write("platform/fleet-core/target/fleet-core.jar", "rebuilt meanwhile");

    List<DeployedStore.Kept> second = history.deployed().keep(build, DEPLOYED, checkout);

    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(history.deployed().file(build, second.get(0)))).isEqualTo("first");
  }

  @Test
  void a_build_id_that_climbs_out_of_the_store_stays_in_it() throws Exception {
    write("platform/fleet-core/target/fleet-core.jar", "x");
    History history = new History(dir.resolve("history.jsonl"));
    BuildIdentity build = new BuildIdentity("../../etc", "..");

    List<DeployedStore.Kept> kept = history.deployed().keep(build, DEPLOYED, checkout);

    assertThat(history.deployed().file(build, kept.get(0)).normalize())
        .startsWith(history.deployed().folder());
  }

  @Test
  void pruning_keeps_the_last_builds_each_stage_ran_and_deletes_the_rest() throws Exception {
    write("platform/fleet-core/target/fleet-core.jar", "x");
    History history = new History(dir.resolve("history.jsonl"));
    for (int i = 1; i <= 5; i++) {
      BuildIdentity build = new BuildIdentity("c" + i, "b" + i);
      history.deployed().keep(build, DEPLOYED, checkout);
      history.append(History.promotionLine("staging", "default", build, null, Instant.now()));
    }
    history.append(
        History.promotionLine(
            "production", "default", new BuildIdentity("c1", "b1"), null, Instant.now()));

    List<Path> deleted =
        history.deployed().prune(history.read(), List.of("dev", "staging", "production"));

    // staging ran b1..b5: b3, b4, b5 stay for rollbacks; production runs b1.
    assertThat(deleted).containsExactly(history.deployed().folder().resolve("c2").resolve("b2"));
    for (String kept : List.of("c1/b1", "c3/b3", "c4/b4", "c5/b5")) {
      assertThat(history.deployed().folder().resolve(kept)).isDirectory();
    }
  }

  @Test
  void pruning_leaves_the_stages_pointers_alone() throws Exception {
    write("platform/fleet-core/target/fleet-core.jar", "x");
    History history = new History(dir.resolve("history.jsonl"));
    for (int i = 1; i <= 4; i++) {
      BuildIdentity build = new BuildIdentity("c" + i, "b" + i);
      history.deployed().keep(build, DEPLOYED, checkout);
      history.appendStageChange(
          History.promotionLine("staging", "default", build, null, Instant.now()));
    }

    List<Path> deleted = history.deployed().prune(history.read(), List.of("staging"));

    assertThat(deleted).containsExactly(history.deployed().folder().resolve("c1").resolve("b1"));
    assertThat(history.deployed().folder().resolve("stages/staging.json"))
        .content()
        .contains("\"dir\":\"c4/b4\"");
  }

  @Test
  void a_commit_named_stages_is_kept_apart_from_the_pointers() throws Exception {
    write("platform/fleet-core/target/fleet-core.jar", "x");
    History history = new History(dir.resolve("history.jsonl"));
    BuildIdentity build = new BuildIdentity("stages", "staging.json");

    List<DeployedStore.Kept> kept = history.deployed().keep(build, DEPLOYED, checkout);
    history.appendStageChange(
        History.promotionLine("staging", "default", build, null, Instant.now()));

    assertThat(history.deployed().file(build, kept.get(0)))
        .startsWith(history.deployed().folder().resolve("_stages"))
        .hasContent("x");
    assertThat(history.deployed().folder().resolve("stages/staging.json"))
        .isRegularFile()
        .content()
        .contains("\"dir\":\"_stages/staging.json\"");
  }

  private void write(String relative, String text) throws Exception {
    Path file = checkout.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
