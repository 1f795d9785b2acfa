package dev.pyramid.reporting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The feature flag evaluations one test JVM recorded for one layer ({@code
 * target/pyramid/flag-evaluations/<layer>-<pid>.json}, written by the framework): per test run, its
 * outcome and every evaluation made while it ran; and those made while no test ran.
 *
 * @param tests the runs that evaluated a flag (or ran with a stage's flag file), in order
 * @param outsideTests evaluations made while no test ran (a class's setup)
 */
public record FlagEvaluations(
    Path file, Layer layer, List<TestRun> tests, List<Evaluated> outsideTests) {

  public FlagEvaluations {
    tests = List.copyOf(tests);
    outsideTests = List.copyOf(outsideTests);
  }

  /**
   * One run of a test.
   *
   * @param test {@code className#methodName}
   * @param display the run's name, such as {@code [eta-buffer=on]}
   * @param stageFlags the stage's flag file the run used ({@code @StageFlagStates}), if any
   */
  public record TestRun(
      String test,
      String display,
      Outcome outcome,
      Optional<StageFlagsRun> stageFlags,
      List<Evaluated> evaluations) {

    public TestRun {
      evaluations = List.copyOf(evaluations);
    }

    /** The run as reports name it: {@code className#method [display]}. */
    public String name() {
      return test + " " + display;
    }
  }

  /** How a test run ended. */
  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }

  /** The stage flag file a run used: the stage, the file and its SHA-256. */
  public record StageFlagsRun(String stage, String file, String sha256) {}

  /**
   * Equal evaluations of one flag, counted.
   *
   * @param variant the variant the provider answered; empty when it named none (the caller's
   *     default was used: the flag was not set, or unknown to the provider)
   * @param value the value the caller got
   * @param errorCode the provider's error (such as {@code FLAG_NOT_FOUND}), if any
   * @param alone true when the run was the only test running at the time: only such evaluations
   *     show that a test exercised a variant
   */
  public record Evaluated(
      String flag,
      Optional<String> variant,
      JsonNode value,
      String reason,
      Optional<String> errorCode,
      boolean alone,
      int count) {}
}
