package dev.pyramid.reporting;

import dev.pyramid.reporting.conditions.Condition;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.decision.Gate;
import dev.pyramid.reporting.decision.UsageException;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.quarantine.Quarantine;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.Problem;
import dev.pyramid.reporting.results.Sources;
import dev.pyramid.reporting.results.TestCase;
import dev.pyramid.reporting.stamp.RootCheck;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evidence, policies and decisions built in memory, for tests of the gate and of condition kinds
 * that need no file: {@code InMemory.decide(InMemory.stage(List.of(E2E), condition("{ layer: e2e,
 * max-skipped: 0 }")), InMemory.layer(E2E).passed(3).skipped(1))}.
 */
public final class InMemory {

  /** The one result root of in-memory evidence; nothing is read from it. */
  public static final Path ROOT = Path.of("/in-memory");

  private InMemory() {}

  /** A layer's test cases, added by outcome. */
  public static LayerBuilder layer(Layer layer) {
    return new LayerBuilder(layer);
  }

  /** Builds the test cases of one layer. */
  public static final class LayerBuilder {
    private final Layer layer;
    private final List<TestCase> cases = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private LayerBuilder(Layer layer) {
      this.layer = layer;
    }

    public LayerBuilder passed(int count) {
      return add(count, TestCase.Status.PASSED, false);
    }

    public LayerBuilder failed(int count) {
      return add(count, TestCase.Status.FAILED, false);
    }

    public LayerBuilder errored(int count) {
      return add(count, TestCase.Status.ERRORED, false);
    }

    public LayerBuilder skipped(int count) {
      return add(count, TestCase.Status.SKIPPED, false);
    }

    public LayerBuilder flaky(int count) {
      return add(count, TestCase.Status.PASSED, true);
    }

    /** One named test case with {@code status}. */
    public LayerBuilder test(String className, String name, TestCase.Status status) {
      return test(className, name, status, false);
    }

    /** One named test case; {@code flaky} when it passed only on a rerun. */
    public LayerBuilder test(String className, String name, TestCase.Status status, boolean flaky) {
      cases.add(
          new TestCase(
              className,
              name,
              0.01,
              status,
              status == TestCase.Status.PASSED ? "" : status + " in memory",
              file(),
              flaky));
      return this;
    }

    /** A result file of the layer that could not be read. */
    public LayerBuilder unreadable(String reason) {
      problems.add(new Problem(file(), reason));
      return this;
    }

    private LayerBuilder add(int count, TestCase.Status status, boolean flaky) {
      for (int i = 0; i < count; i++) {
        cases.add(
            new TestCase(
                "in.memory." + layer.id() + "Tests",
                status.name().toLowerCase() + "_" + cases.size(),
                0.01,
                status,
                status == TestCase.Status.PASSED ? "" : status + " in memory",
                file(),
                flaky));
      }
      return this;
    }

    private Path file() {
      return ROOT.resolve(layer.id() + "/TEST-in.memory.xml");
    }

    public LayerEvidence build() {
      List<Path> sources = cases.isEmpty() && problems.isEmpty() ? List.of() : List.of(file());
      return new LayerEvidence(
          layer,
          sources,
          Counts.of(cases),
          cases,
          problems,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of());
    }
  }

  /** Evidence of the given layers; every other layer has none. */
  public static Evidence evidence(LayerBuilder... layers) {
    Map<Layer, LayerEvidence> byLayer = new EnumMap<>(Layer.class);
    for (LayerBuilder layer : layers) {
      byLayer.put(layer.layer, layer.build());
    }
    return new Evidence(List.of(ROOT), byLayer);
  }

  /**
   * A condition as the policy would read it from its flow map, e.g. {@code { layer: e2e,
   * max-skipped: 0 }}.
   */
  public static Condition condition(String yaml) {
    try {
      return new PolicyReader().readCondition(yaml, List.of(Layer.values()));
    } catch (PolicyException e) {
      throw new IllegalArgumentException(yaml + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes into {@code dir} a policy file whose one stage, {@code production}, requires every layer
   * and sets the one condition {@code condition} (a flow map as in quality-gate.yml) on line 10;
   * returns the file.
   */
  public static Path policyFile(Path dir, String condition) throws java.io.IOException {
    return java.nio.file.Files.writeString(
        dir.resolve("policy.yml"),
        """
        version: 1
        promotion:
          path: [production]
        lanes:
          default:
            stages:
              production:
                require: [unit, contract, e2e, perf]
                conditions:
                  - %s
        """
            .formatted(condition));
  }

  /**
   * A policy whose one stage, {@code production}, requires {@code require} and sets {@code
   * conditions}.
   */
  public static Policy policy(List<Layer> require, Condition... conditions) {
    return policy(Policy.Score.DEFAULT, require, conditions);
  }

  /** The same with the lane's score thresholds. */
  public static Policy policy(Policy.Score score, List<Layer> require, Condition... conditions) {
    Policy.Stage stage = new Policy.Stage("production", require, List.of(conditions));
    Policy.Lane lane = new Policy.Lane(Policy.DEFAULT_LANE, score, Map.of("production", stage));
    return new Policy(
        Path.of("in-memory-policy.yml"),
        List.of("production"),
        Sources.defaults(),
        Map.of(Policy.DEFAULT_LANE, lane));
  }

  /** The gate's decision for production, the root trusted, no quarantine and no baseline. */
  public static Decision decide(Policy policy, Evidence evidence) {
    return decide(policy, evidence, Quarantine.NONE);
  }

  /** The same with a quarantine, judged today. */
  public static Decision decide(Policy policy, Evidence evidence, Quarantine quarantine) {
    return decide(policy, evidence, quarantine, Optional.empty());
  }

  /** The same, compared with {@code baseline}. */
  public static Decision decide(Policy policy, Evidence evidence, Baseline baseline) {
    return decide(policy, evidence, Quarantine.NONE, Optional.of(baseline));
  }

  /** The same with a quarantine and a baseline. */
  public static Decision decide(
      Policy policy, Evidence evidence, Quarantine quarantine, Optional<Baseline> baseline) {
    RootCheck trusted =
        new RootCheck(ROOT.toAbsolutePath().normalize(), Optional.empty(), List.of());
    try {
      return new Gate()
          .decide(
              new Gate.Request(
                  evidence,
                  List.of(trusted),
                  policy,
                  Policy.DEFAULT_LANE,
                  "production",
                  List.of(),
                  BuildTree.BUILD,
                  quarantine,
                  baseline,
                  LocalDate.now()));
    } catch (UsageException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
