package dev.pyramid.reporting.decision;

/**
 * The gate's overall answer and the process exit code that carries it. The codes live here because
 * the decision's renderings state them; a usage or policy error, which decides nothing, is the
 * command line's own code ({@code cli.ExitCode}).
 */
public enum Outcome {
  /** Every requirement of the stage met: the build may move to the stage. Exit 0. */
  PROMOTE(0),
  /** A level run (some layers only) whose layers all pass; no promotion was decided. Exit 0. */
  LAYERS_PASS(0),
  /** A blocking condition failed, or the score is below the warn threshold. Exit 1. */
  BLOCK(1),
  /**
   * Evidence missing, empty, unreadable, unstamped or from another build; never promotes. Exit 2.
   */
  INCOMPLETE(2),
  /**
   * Every blocking condition passes but the score is below the pass threshold: a person decides.
   * Exit 4.
   */
  MANUAL_APPROVAL(4);

  private final int exitCode;

  Outcome(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The exit code of {@code pyramid gate} for this outcome. */
  public int exitCode() {
    return exitCode;
  }
}
