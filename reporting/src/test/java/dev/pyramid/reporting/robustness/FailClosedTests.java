package dev.pyramid.reporting.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.Gate;
import dev.pyramid.reporting.decision.Outcome;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.CollectedEvidence;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.RootCheck;
import dev.pyramid.reporting.stamp.StampCheck;
import dev.pyramid.reporting.stamp.StampWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated bad evidence never yields PROMOTE: 1,000 tries per run over the kinds below. Each try
 * builds a passing staging tree (which promotes when left alone, checked first), spoils it one way,
 * and decides.
 *
 * <p>Tagged "unit" with jqwik's own {@link Tag} (jqwik does not read Jupiter's {@code @Tag}), so
 * that Surefire's {@code groups=unit} selects it like every {@code @UnitTest}.
 */
@Tag("unit")
class FailClosedTests {

  private static final BuildIdentity BUILD = BuildTree.BUILD;
  private static Policy policy;
  private static Path scratch;

  /** The ways evidence goes bad. */
  enum Spoil {
    TRUNCATE,
    WRONG_ENCODING,
    HUGE_NUMBER,
    INCONSISTENT_COUNTS,
    FOREIGN_STAMP,
    UNSTAMPED,
    TAMPER,
    XXE,
    ADD
  }

  @BeforeContainer
  static void setUp() throws Exception {
    policy = new PolicyReader().read(BuildTree.resource(BuildTree.POLICY));
    scratch = Files.createTempDirectory("fail-closed");
  }

  @AfterContainer
  static void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(scratch)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 1000)
  void spoiled_evidence_never_promotes(
      @ForAll("spoils") Spoil spoil, @ForAll("offsets") double at, @ForAll("junk") String junk)
      throws Exception {
    Path root = Files.createTempDirectory(scratch, "try");
    BuildTree tree = new BuildTree(root).stagingPasses();
    Path report =
        root.resolve("e2e-tests/target/failsafe-reports/e2e")
            .resolve(BuildTree.resource(BuildTree.REAL_PASSING).getFileName());
    byte[] bytes = Files.readAllBytes(report);
    String text = new String(bytes, StandardCharsets.UTF_8);
    BuildIdentity stampedFor = BUILD;
    boolean stampAfter = false;
    switch (spoil) {
      case TRUNCATE ->
          Files.write(report, Arrays.copyOf(bytes, 1 + (int) (at * (bytes.length - 2))));
      case WRONG_ENCODING ->
          Files.write(
              report,
              text.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                  .getBytes(StandardCharsets.UTF_8));
      case HUGE_NUMBER ->
          Files.writeString(
              report,
              text.replaceFirst(
                  "tests=\"\\d+\"", "tests=\"9" + "9".repeat(1 + (int) (at * 30)) + "\""));
      case INCONSISTENT_COUNTS ->
          Files.writeString(
              report,
              text.replaceFirst("tests=\"(\\d+)\"", "tests=\"" + (6 + (int) (at * 1000)) + "\""));
      case FOREIGN_STAMP -> stampedFor = new BuildIdentity(BUILD.commit(), "build-" + junk);
      case UNSTAMPED -> stampedFor = null;
      case TAMPER -> stampAfter = true;
      case XXE ->
          Files.writeString(
              report,
              "<?xml version=\"1.0\"?><!DOCTYPE testsuite [<!ENTITY e SYSTEM "
                  + "\"file:///etc/hostname\">]>"
                  + text.substring(text.indexOf("<testsuite"))
                      .replaceFirst("name=\"", "name=\"&e;"));
      case ADD -> stampAfter = true;
    }
    if (stampedFor != null) {
      StampWriter.write(root, stampedFor, List.of(), null, Instant.now());
    }
    if (stampAfter) {
      if (spoil == Spoil.TAMPER) {
        int offset = (int) (at * (bytes.length - 1));
        byte[] changed = bytes.clone();
        changed[offset] = (byte) (changed[offset] ^ 0x20);
        Files.write(report, changed);
      } else {
        tree.write(
            "e2e-tests/target/failsafe-reports/e2e/TEST-extra" + Math.abs(junk.hashCode()) + ".xml",
            text);
      }
    }

    assertThat(decide(root))
        .as(spoil + " at " + at)
        .extracting(Decision::outcome)
        .doesNotContain(Outcome.PROMOTE);
  }

  @net.jqwik.api.Example
  void the_unspoiled_tree_promotes() throws Exception {
    Path root = Files.createTempDirectory(scratch, "clean");
    new BuildTree(root).stagingPasses().stamp();

    assertThat(decide(root)).extracting(Decision::outcome).containsOnly(Outcome.PROMOTE);
  }

  /**
   * The decision with the stamp checked as the gate checks it, from what the evidence collector
   * found and hashed, and with the stamp checked by a walk of the root that hashes every file
   * again.
   */
  private static List<Decision> decide(Path root) throws Exception {
    CollectedEvidence collected = new EvidenceCollector().collect(List.of(root), policy.sources());
    Evidence evidence = collected.evidence();
    List<Decision> decisions = new java.util.ArrayList<>();
    for (RootCheck check :
        List.of(
            StampCheck.check(StampCheck.load(root), BUILD, collected),
            StampCheck.check(root, BUILD))) {
      decisions.add(
          new Gate()
              .decide(
                  new Gate.Request(
                      evidence,
                      List.of(check),
                      policy,
                      Policy.DEFAULT_LANE,
                      "staging",
                      List.of(),
                      BUILD,
                      Quarantine.NONE,
                      Optional.empty(),
                      LocalDate.now())));
    }
    return decisions;
  }

  @Provide
  Arbitrary<Spoil> spoils() {
    return Arbitraries.of(Spoil.class);
  }

  @Provide
  Arbitrary<Double> offsets() {
    return Arbitraries.doubles().between(0, 0.999).ofScale(3);
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
  }
}
