package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.stamp.StampCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gate reads before picocli has parsed its command line is used only for the very same paths. */
@UnitTest
class PrefetchTests {

  private static final Executor HERE = Runnable::run;

  @TempDir
  Path dir;

  @Test
  void a_prefetched_policy_is_the_policy_read_from_that_path_and_is_taken_once() throws Exception {
    Path policy = Path.of("..", "quality-gate.yml");
    Prefetch.start(new String[] {"gate", "--stage", "staging", "--policy", policy.toString()});

    assertThat(Prefetch.policy(policy)).isEqualTo(new PolicyReader().read(policy));
    // Taken: a second run in this JVM (the tests') reads the file again, as it is then.
    Files.writeString(dir.resolve("broken.yml"), "version: 1\nbogus: true\n");
    Prefetch.start(new String[] {"gate", "--policy=" + dir.resolve("broken.yml")});
    assertThatThrownBy(() -> Prefetch.policy(dir.resolve("broken.yml"))).isInstanceOf(PolicyException.class)
        .hasMessageContaining("bogus");
    Files.writeString(dir.resolve("broken.yml"), "version: 2\n");
    assertThatThrownBy(() -> Prefetch.policy(dir.resolve("broken.yml"))).isInstanceOf(PolicyException.class)
        .hasMessageContaining("version");
  }

  @Test
  void a_path_picocli_parsed_differently_is_read_as_picocli_says() throws Exception {
    Files.writeString(dir.resolve("a.yml"), "version: 1\nbogus: a\n");
    Files.writeString(dir.resolve("b.yml"), "version: 1\nbogus: b\n");
    Prefetch.start(new String[] {"gate", "--policy", dir.resolve("a.yml").toString()});

    assertThatThrownBy(() -> Prefetch.policy(dir.resolve("b.yml"))).hasMessageContaining("b.yml");
    assertThatThrownBy(() -> Prefetch.policy(dir.resolve("a.yml"))).hasMessageContaining("a.yml");
  }

  @Test
  void prefetched_evidence_is_used_only_for_the_same_roots_and_policy_file() throws Exception {
    Path results = Files.createDirectories(dir.resolve("results"));
    new BuildTree(results).stagingPasses();
    Path defaults = Path.of("..", "quality-gate.yml");
    Path narrow = Files.writeString(dir.resolve("narrow.yml"), Files.readString(defaults)
        .replace("unit:\n    junit: [\"**/target/surefire-reports/unit/TEST-*.xml\"]",
            "unit:\n    junit: [\"nowhere/TEST-*.xml\"]"));
    Policy narrowPolicy = new PolicyReader().read(narrow);
    Prefetch.start(new String[] {"gate", "--policy", defaults.toString(), "--results", results.toString()});

    // Picocli parsed another policy file: the evidence is collected by that policy's sources.
    Evidence evidence = Prefetch.evidence(List.of(results), narrow, narrowPolicy).evidence();

    assertThat(evidence.of(Layer.UNIT).counts().tests()).isZero();
    assertThat(new EvidenceCollector().collect(List.of(results)).evidence().of(Layer.UNIT).counts().tests()).isPositive();
  }

  @Test
  void stamps_are_prefetched_per_root_and_other_commands_prefetch_nothing() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Prefetch.start(new String[] {"stamp", "--dir", root.toString(), "--results", root.toString()});
    Prefetch.start(new String[] {"gate", "--results", root.toString()});

    StampCheck.Loaded loaded = Prefetch.stamp(root, HERE).get();

    assertThat(loaded.root()).isEqualTo(root);
    assertThat(loaded.stamp()).isEmpty(); // no stamp there: the check reports it, as without prefetching
  }
}
