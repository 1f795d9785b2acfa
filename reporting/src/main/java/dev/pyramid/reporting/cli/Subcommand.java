package dev.pyramid.reporting.cli;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A {@code pyramid} subcommand: runs, returns one of its exit codes, and names them for its help.
 */
interface Subcommand extends Callable<Integer> {

  /** The codes {@link #call()} returns, in the order help lists them; each number once. */
  List<ExitCode> exitCodes();
}
