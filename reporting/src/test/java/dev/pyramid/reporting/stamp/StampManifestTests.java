package dev.pyramid.reporting.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.internal.files.FilesSum;
import dev.pyramid.reporting.results.CollectedEvidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.results.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest beside a stamp: what sha256sum reads, and a sum that stands for it. */
@UnitTest
class StampManifestTests {

  private static final BuildIdentity BUILD =
      new BuildIdentity("0123456789abcdef0123456789abcdef01234567", "build-1");

  @TempDir Path root;

  @Test
  void sha256sum_checks_the_manifest_and_finds_the_file_edited_after_stamping() throws Exception {
    write("a/TEST-one.xml", "<testsuite/>");
    write("b/odd \\ name.xml", "<testsuite tests=\"0\"/>");
    StampWriter.write(root, BUILD, List.of(), null, Instant.now());

    assertThat(sha256sumCheck()).isZero();
    write("a/TEST-one.xml", "<testsuite/> ");
    assertThat(sha256sumCheck()).isEqualTo(1);
  }

  @Test
  void the_sum_of_the_files_found_stands_for_the_manifest_until_a_file_changes() throws Exception {
    write("a/TEST-one.xml", "<testsuite/>");
    write("a/TEST-two.xml", "<testsuite tests=\"1\"/>");
    StampWriter.write(root, BUILD, List.of(), null, Instant.now());
    Files.delete(root.resolve(Stamp.MANIFEST)); // not needed while every file is as stamped

    assertThat(StampCheck.check(root, BUILD).problems()).isEmpty();
    write("a/TEST-two.xml", "<testsuite tests=\"2\"/>");
    assertThat(StampCheck.check(root, BUILD).problems())
        .extracting(Problem::reason)
        .singleElement()
        .asString()
        .startsWith("unreadable manifest");
  }

  @Test
  void thousands_of_files_checked_in_parallel_chunks_add_up_and_one_changed_file_is_named()
      throws Exception {
    for (int i = 0; i < 9_000; i++) {
      write("results/r" + i + "-result.json", "{\"n\":" + i + "}");
    }
    StampWriter.write(root, BUILD, List.of(), null, Instant.now());

    assertThat(StampCheck.check(root, BUILD).problems()).isEmpty();
    write("results/r4242-result.json", "{\"n\":-1}");
    assertThat(StampCheck.check(root, BUILD).problems())
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.file()).isEqualTo(root.resolve("results/r4242-result.json")));
  }

  @Test
  void a_manifest_edited_to_hide_a_change_no_longer_adds_up_to_the_stamp() throws Exception {
    write("a/TEST-one.xml", "<testsuite/>");
    StampWriter.write(root, BUILD, List.of(), null, Instant.now());
    write("a/TEST-one.xml", "<testsuite failures=\"0\"/>");
    Path manifest = root.resolve(Stamp.MANIFEST);
    Files.writeString(
        manifest,
        StampFormat.manifestLine(
            "a/TEST-one.xml", StampFormat.sha256(root.resolve("a/TEST-one.xml"))));

    List<Problem> problems = StampCheck.check(root, BUILD).problems();

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(manifest);
              assertThat(problem.reason()).startsWith("edited after stamping");
            });
  }

  @Test
  void the_stamp_holds_the_sha256_of_its_manifest_as_sha256sum_computes_it() throws Exception {
    write("a/TEST-one.xml", "<testsuite/>");
    write("b/TEST-two.xml", "<testsuite tests=\"1\"/>");

    Stamp stamp = StampWriter.write(root, BUILD, List.of(), null, Instant.now());

    Process process =
        new ProcessBuilder("sha256sum", Stamp.MANIFEST).directory(root.toFile()).start();
    String printed =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(printed).startsWith(stamp.manifestSha256() + "  ");
  }

  @Test
  void the_files_sum_does_not_depend_on_order_or_split_and_changes_when_contents_swap_paths() {
    FilesSum forward = new FilesSum();
    FilesSum first = new FilesSum();
    FilesSum second = new FilesSum();
    FilesSum swapped = new FilesSum();
    for (int i = 0; i < 100; i++) {
      forward.add("dir/f" + i, hash(i));
      (i % 3 == 0 ? first : second).add("dir/f" + (99 - i), hash(99 - i));
      swapped.add("dir/f" + i, hash(i == 7 ? 8 : i == 8 ? 7 : i));
    }
    second.add(first);

    assertThat(second.hex()).isEqualTo(forward.hex());
    assertThat(second.count()).isEqualTo(100);
    assertThat(swapped.hex()).isNotEqualTo(forward.hex());
  }

  @Test
  void the_files_sum_of_a_raw_digest_is_that_of_its_hex_digits() throws Exception {
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest("x".getBytes());
    FilesSum raw = new FilesSum();
    FilesSum hex = new FilesSum();
    raw.add("a/b.json", digest);
    hex.add("a/b.json", java.util.HexFormat.of().formatHex(digest));

    assertThat(raw.hex()).isEqualTo(hex.hex());
    assertThat(raw.count()).isEqualTo(1);
  }

  @Test
  void the_sums_the_collector_adds_up_stand_for_the_manifest_and_each_later_change_is_named()
      throws Exception {
    for (int i = 0; i < 3_000; i++) {
      write(
          "allure-results/r" + i + "-result.json",
          "{\"name\":\"t" + i + "\",\"status\":\"passed\"}");
    }
    write(
        "allure-results/environment.properties",
        "os=linux"); // no glob matches it: not hashed by the collector
    StampWriter.write(root, BUILD, List.of(), null, Instant.now());

    assertThat(collectedCheck()).isEmpty();

    write("allure-results/r1234-result.json", "{\"name\":\"t1234\",\"status\":\"failed\"}");
    write("allure-results/environment.properties", "os=windows");
    write("allure-results/added-result.json", "{\"name\":\"added\",\"status\":\"passed\"}");
    Files.delete(root.resolve("allure-results/r7-result.json"));
    assertThat(collectedCheck())
        .extracting(problem -> root.relativize(problem.file()) + ": " + problem.reason())
        .containsExactlyInAnyOrder(
            "allure-results/r1234-result.json: changed after stamping: SHA-256 "
                + StampFormat.sha256(root.resolve("allure-results/r1234-result.json"))
                + ", stamped "
                + manifestHash("allure-results/r1234-result.json"),
            "allure-results/environment.properties: changed after stamping: SHA-256 "
                + StampFormat.sha256(root.resolve("allure-results/environment.properties"))
                + ", stamped "
                + manifestHash("allure-results/environment.properties"),
            "allure-results/added-result.json: added after stamping: not in the stamp's manifest",
            "allure-results/r7-result.json: removed after stamping: in the stamp's manifest, no longer there");
  }

  @Test
  void evidence_read_outside_the_stamp_s_include_globs_is_named_once_though_two_layers_read_it()
      throws Exception {
    write("allure-results/r1-result.json", "{\"name\":\"t\",\"status\":\"passed\"}");
    write(
        "junit/TEST-a.xml",
        "<testsuite tests=\"1\"><testcase classname=\"A\" name=\"a\"/></testsuite>");
    StampWriter.write(root, BUILD, List.of("allure-results/*-result.json"), null, Instant.now());
    Sources.LayerSources junit =
        Sources.LayerSources.NONE.with("junit", List.of("junit/TEST-*.xml"));
    Sources sources =
        new Sources(
            java.util.Map.of(
                Layer.UNIT,
                junit.with("allure", List.of("allure-results/*-result.json")),
                Layer.E2E,
                junit));
    CollectedEvidence collected = new EvidenceCollector().collect(List.of(root), sources);

    List<Problem> problems = StampCheck.check(StampCheck.load(root), BUILD, collected).problems();
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(root.resolve("junit/TEST-a.xml"));
              assertThat(problem.reason())
                  .startsWith("read as evidence but not covered by the stamp of " + root);
            });
  }

  @Test
  void a_stamp_whose_sum_was_edited_is_refused_though_every_file_matches_the_manifest()
      throws Exception {
    write("a/TEST-one.xml", "<testsuite/>");
    StampWriter.write(root, BUILD, List.of(), null, Instant.now());
    Path stamp = root.resolve(Stamp.FILE);
    String json = Files.readString(stamp);
    String sum = json.replaceAll("(?s).*\"filesSum\" : \"([0-9a-f]{64})\".*", "$1");
    Files.writeString(stamp, json.replace(sum, "0".repeat(64)));

    assertThat(StampCheck.check(root, BUILD).problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).isEqualTo(stamp);
              assertThat(problem.reason()).startsWith("edited after stamping");
            });
  }

  /**
   * The stamp check as the gate makes it: from what the evidence collector found and hashed under
   * the root.
   */
  private List<Problem> collectedCheck() {
    Sources sources =
        new Sources(
            java.util.Map.of(
                Layer.UNIT,
                Sources.LayerSources.NONE.with("allure", List.of("allure-results/*-result.json"))));
    CollectedEvidence collected = new EvidenceCollector().collect(List.of(root), sources);
    assertThat(collected.files().roots().get(root).unhashed())
        .isNotEmpty(); // the check hashes those itself
    return StampCheck.check(StampCheck.load(root), BUILD, collected).problems();
  }

  private String manifestHash(String relative) throws IOException {
    return Files.readAllLines(root.resolve(Stamp.MANIFEST)).stream()
        .filter(line -> line.endsWith("  " + relative))
        .findFirst()
        .orElseThrow()
        .substring(0, 64);
  }

  private static String hash(int i) {
    return String.format("%064x", i * 7919L);
  }

  private void write(String name, String content) throws IOException {
    Files.createDirectories(root.resolve(name).getParent());
    Files.writeString(root.resolve(name), content);
  }

  /** The real coreutils `sha256sum -c` over the manifest, run from the root: its exit code. */
  private int sha256sumCheck() throws Exception {
    Process process =
        new ProcessBuilder("sha256sum", "--check", "--quiet", Stamp.MANIFEST)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }
}
