package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pyramid} commands as a CI job runs them for one build after another, with one policy
 * and one history, for tests that follow builds through stages: every build is of commit {@value
 * #COMMIT}; a build's decision files go to {@code work/out-<build id>}, the history is {@code
 * work/history.jsonl}.
 */
record GateRuns(Path policy, Path work) {

  static final String COMMIT = "c0ffee";

  /** Stamps {@code root} for build {@code buildId}; a stamp that fails fails the test. */
  void stamp(Path root, String buildId) {
    assertThat(
            PyramidCommand.run(
                "stamp", "--dir", root.toString(), "--commit", COMMIT, "--build-id", buildId))
        .isZero();
  }

  /**
   * {@code pyramid gate} of build {@code buildId} for {@code stage}, on the results in root, with
   * {@code more} options (say {@code --lane hotfix}).
   */
  int gate(String stage, Path root, String buildId, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate",
                "--stage",
                stage,
                "--policy",
                policy.toString(),
                "--commit",
                COMMIT,
                "--build-id",
                buildId,
                "--out",
                work.resolve("out-" + buildId).toString(),
                "--history",
                history().toString(),
                "--results",
                root.toString()));
    args.addAll(List.of(more));
    return PyramidCommand.run(args.toArray(String[]::new));
  }

  /**
   * {@code pyramid promote} of build {@code buildId} to {@code stage}, keeping from {@code from}.
   */
  int promote(String stage, String buildId, Path from) {
    return PyramidCommand.run(
        "promote",
        "--stage",
        stage,
        "--policy",
        policy.toString(),
        "--commit",
        COMMIT,
        "--build-id",
        buildId,
        "--history",
        history().toString(),
        "--from",
        from.toString());
  }

  /** {@code pyramid rollback} of {@code stage}. */
  int rollback(String stage) {
    return PyramidCommand.run(
        "rollback",
        "--stage",
        stage,
        "--policy",
        policy.toString(),
        "--history",
        history().toString());
  }

  Path history() {
    return work.resolve("history.jsonl");
  }
}
