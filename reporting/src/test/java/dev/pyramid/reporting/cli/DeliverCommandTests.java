package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code pyramid deliver} after a real gate run: production runs build b1, whose gate decision
 * recorded the flag variants its passing tests exercised (the real flag journeys of
 * real/flag-evaluations: eta-buffer and wide-pickup, both on and off). Production's flag file keeps
 * eta-buffer dark and delivers wide-pickup to one pilot rider.
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class DeliverCommandTests {
  private static final String REAL = "real/flag-evaluations/";
  private static final String PILOTS =
      "{\"if\": [{\"in\": [{\"var\": \"targetingKey\"}, [\"rider-pilot-1\"]]}, \"on\", \"off\"]}";

  @TempDir Path root;
  @TempDir Path work;

  private Path policy;
  private Path production;
  private GateRuns runs;

  @BeforeEach
  void productionRunsATestedBuild() throws Exception {
    policy =
        Files.writeString(
            work.resolve("quality-gate.yml"),
            """
            version: 1
            promotion:
              path: [production]
            flags:
              registry: flags/registry.flagd.json
              stages: flags/stages
            lanes:
              default:
                stages:
                  production:
                    require: [unit, contract, e2e]
                    conditions:
                      - { flags-registered: true }
                      - { flag-variants-tested: true }
            """);
    Files.createDirectories(work.resolve("flags/stages"));
    Files.writeString(work.resolve("flags/registry.flagd.json"), registry(""));
    production = work.resolve("flags/stages/production.flagd.json");
    Files.write(production, resource(REAL + "production.flagd.json"));
    runs = new GateRuns(policy, work);
    BuildTree tree = new BuildTree(root).stagingPasses();
    tree.write(
        "e2e-tests/target/pyramid/flag-evaluations/e2e-1.json",
        new String(resource(REAL + "e2e-evaluations.json"), StandardCharsets.UTF_8));
    ConsoleCapture.capture(
        () -> {
          runs.stamp(root, "b1");
          assertThat(runs.gate("production", root, "b1")).isZero();
          assertThat(runs.promote("production", "b1", root)).isZero();
        });
  }

  /** The platform's registry; {@code etaBufferExtra} adds variants to eta-buffer. */
  private static String registry(String etaBufferExtra) {
    String created = LocalDate.now(ZoneOffset.UTC).minusYears(1).toString();
    String removal = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
    String meta =
        "\"description\": \"d\", \"kind\": \"release\", \"created\": \"%s\", \"removal\": \"%s\""
            .formatted(created, removal);
    return """
        {"flags": {
          "eta-buffer": {"state": "ENABLED", "variants": {"on": true, "off": false%s},
            "defaultVariant": "off", "metadata": {"owner": "team-dispatch", %s}},
          "wide-pickup": {"state": "ENABLED", "variants": {"on": true, "off": false},
            "defaultVariant": "off", "metadata": {"owner": "team-rides", %s}}
        }}
        """
        .formatted(etaBufferExtra, meta, meta);
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = DeliverCommandTests.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  private String deliver(int exit, String... args) throws Exception {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "deliver",
                "--stage",
                "production",
                "--policy",
                policy.toString(),
                "--history",
                runs.history().toString()));
    all.addAll(List.of(args));
    return ConsoleCapture.capture(
        () -> assertThat(PyramidCommand.run(all.toArray(String[]::new))).isEqualTo(exit));
  }

  private List<String> deliveries() throws Exception {
    return Files.readAllLines(runs.history()).stream()
        .filter(line -> line.contains("\"type\":\"delivery\""))
        .toList();
  }

  @Test
  void a_variant_the_running_build_was_tested_in_is_delivered_to_all_and_recorded()
      throws Exception {
    String out = deliver(0, "--flag", "wide-pickup", "--variant", "on");

    assertThat(out)
        .contains("Flag changes at production (runs commit c0ffee, build b1):")
        .contains("  wide-pickup: default off, targeting {\"if\"")
        .contains(" -> default on\n")
        .contains(
            "    safe (tested): every variant it serves [on] passed the required layers in"
                + " commit c0ffee, build b1")
        .contains("Delivered at production: " + production + " changed");
    assertThat(Files.readString(production))
        .contains("\"defaultVariant\" : \"on\"")
        .doesNotContain("targeting");
    assertThat(deliveries())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("\"flag\":\"wide-pickup\"")
                    .contains("\"to\":\"default on\"")
                    .contains("\"check\":\"tested\"")
                    .contains("\"commit\":\"c0ffee\",\"buildId\":\"b1\""));
    String history =
        ConsoleCapture.capture(
            () ->
                assertThat(PyramidCommand.run("history", "--history", runs.history().toString()))
                    .isZero());
    assertThat(history)
        .containsPattern("decision +production .* PROMOTE")
        .containsPattern("promotion +production .* promoted")
        .containsPattern(
            "delivery +production .* wide-pickup: default off, targeting .* -> default on \\(tested\\)");
  }

  @Test
  void a_variant_the_running_build_was_never_tested_in_is_refused_and_nothing_changes()
      throws Exception {
    // A variant registered after production's build was gated.
    Files.writeString(work.resolve("flags/registry.flagd.json"), registry(", \"long\": true"));
    byte[] before = Files.readAllBytes(production);

    String out = deliver(1, "--flag", "eta-buffer", "--variant", "long");

    assertThat(out)
        .contains(
            "    REFUSED: variant(s) [long] not tested by commit c0ffee, build b1, the build this stage runs")
        .contains("Refused: nothing delivered, nothing recorded.");
    assertThat(Files.readAllBytes(production)).isEqualTo(before);
    assertThat(deliveries()).isEmpty();
    assertThat(production.resolveSibling(".production.flagd.json.delivering")).doesNotExist();
  }

  @Test
  void turning_a_delivery_back_is_a_kill_switch_accepted_even_when_nothing_was_tested()
      throws Exception {
    deliver(0, "--flag", "wide-pickup", "--variant", "on");
    // Production then runs b2, gated by a policy that named no flag registry: nothing tested.
    Path plain =
        Files.writeString(
            work.resolve("plain.yml"),
            Files.readString(policy)
                .replace(
                    "flags:\n  registry: flags/registry.flagd.json\n  stages: flags/stages\n", "")
                .replace("      - { flags-registered: true }\n", "")
                .replace("      - { flag-variants-tested: true }\n", ""));
    GateRuns plainRuns = new GateRuns(plain, work);
    ConsoleCapture.capture(
        () -> {
          plainRuns.stamp(root, "b2");
          assertThat(plainRuns.gate("production", root, "b2")).isZero();
          assertThat(plainRuns.promote("production", "b2", root)).isZero();
        });

    String off = deliver(0, "--flag", "wide-pickup", "--variant", "off", "--targeting", PILOTS);
    assertThat(off)
        .contains("(runs commit c0ffee, build b2)")
        .contains("    safe (kill-switch): back to a state already delivered at this stage");

    String eta = deliver(1, "--flag", "eta-buffer", "--variant", "on");
    assertThat(eta)
        .contains(
            "REFUSED: the gate decision of commit c0ffee, build b2 for this stage recorded no tested flag"
                + " variants");
    assertThat(deliveries()).hasSize(2).last().asString().contains("\"check\":\"kill-switch\"");
  }

  @Test
  void a_changed_flag_file_is_checked_change_by_change_as_gitops_would() throws Exception {
    Files.writeString(work.resolve("flags/registry.flagd.json"), registry(", \"long\": true"));
    Path changed =
        Files.writeString(
            work.resolve("production-next.flagd.json"),
            Files.readString(production)
                .replace("[\"rider-pilot-1\"]", "[\"rider-pilot-1\", \"rider-pilot-2\"]")
                .replaceFirst(
                    "\"variants\": \\{ \"on\": true, \"off\": false \\},\n      \"defaultVariant\": \"off\"",
                    "\"variants\": { \"on\": true, \"off\": false, \"long\": true },\n      \"defaultVariant\": \"long\""));

    String out =
        deliver(1, "--old", production.toString(), "--new", changed.toString(), "--dry-run");

    assertThat(out)
        .contains("  eta-buffer: default off -> default long")
        .contains("    REFUSED: variant(s) [long] not tested by commit c0ffee, build b1")
        .contains("  wide-pickup: default off, targeting")
        .contains(
            "    safe (tested): every variant it serves [off, on] passed the required layers in"
                + " commit c0ffee, build b1");
    assertThat(deliveries()).isEmpty();
  }

  @Test
  void bad_input_is_an_error_naming_the_file_line_and_flag() throws Exception {
    assertThat(deliver(3, "--flag", "wide-pickup", "--variant", "half"))
        .contains("Flag file error: ")
        .contains(
            "flag \"wide-pickup\": \"defaultVariant\" is \"half\", which is not one of its variants [on, off]");
    assertThat(deliver(3, "--flag", "surge-pricing", "--variant", "on"))
        .contains("Usage error: flag \"surge-pricing\" is not in the registry");
    assertThat(deliver(3, "--flag", "wide-pickup", "--targeting", "{not json"))
        .contains("Usage error: --targeting is not JSON");
    assertThat(production.resolveSibling(".production.flagd.json.delivering")).doesNotExist();
  }
}
