package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.decision.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every exit code a {@code pyramid} command returns, by what it means. Commands return {@link
 * #code()} and help lists each command's {@link Subcommand#exitCodes()} from here, so that the two
 * cannot part.
 *
 * <p>Several names share a number where commands mean different things by it (1 is the gate's BLOCK
 * and promote's refusal), and each command lists only the names it returns. The gate's numbers are
 * its verdicts' {@link Outcome#exitCode()}, which decision.json and decision.md also carry.
 */
enum ExitCode {
  /** The gate promotes, or a level run's layers pass. */
  PROMOTE(
      Outcome.PROMOTE.exitCode(),
      "PROMOTE, or (with --layers) those layers pass; no promotion decided"),
  /** A command other than the gate did what it was asked. */
  DONE(0, "done"),
  /** A blocking condition failed, or the score is below the warn threshold. */
  BLOCK(Outcome.BLOCK.exitCode(), "BLOCK: a condition failed"),
  /** Promote found no promotable decision, or the build would skip a stage. */
  REFUSED(1, "refused: no promotable decision for the build, or a stage skipped"),
  /** The Allure report could not be generated; the command says why. */
  NOT_GENERATED(1, "the report was not generated"),
  /** Required evidence missing, empty, unreadable, unstamped, from another build or changed. */
  INCOMPLETE(
      Outcome.INCOMPLETE.exitCode(),
      "INCOMPLETE: evidence missing, empty, unreadable, unstamped, from another build or changed"),
  /** api-diff: no change breaks the consumers of a version both documents have. */
  COMPATIBLE(0, "compatible: no breaking change in any version both documents have"),
  /** api-diff: a breaking change, or a removal before its sunset date. */
  BREAKING(1, "breaking: a change or removal breaks consumers of a version (listed)"),
  /** api-diff: an input cannot be fetched or read, is not OpenAPI 3.0, or is OpenAPI 3.1. */
  UNREADABLE(
      2,
      "an input is unreadable or not an OpenAPI 3.0 document (3.1 is refused); nothing compared"),
  /** metrics: lines of the history were left out (each named); the figures cover the rest. */
  PARTIAL(2, "partial: history lines left out (each named); the figures cover the readable part"),
  /** A bad command line or policy, or a file the command needs that cannot be read or written. */
  USAGE_OR_POLICY_ERROR(
      3, "usage or policy error, or a file the command needs cannot be read or written"),
  /**
   * Every blocking condition passes but the score is below the pass threshold: a person decides.
   */
  MANUAL_APPROVAL(
      Outcome.MANUAL_APPROVAL.exitCode(),
      "MANUAL_APPROVAL: blocking conditions pass, the weighted score is below the pass threshold");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit code. */
  int code() {
    return code;
  }

  /** What the code means, as help lists it. */
  String meaning() {
    return meaning;
  }

  /** The exit code of the gate's verdict. */
  static ExitCode of(Outcome outcome) {
    return switch (outcome) {
      case PROMOTE, LAYERS_PASS -> PROMOTE;
      case BLOCK -> BLOCK;
      case INCOMPLETE -> INCOMPLETE;
      case MANUAL_APPROVAL -> MANUAL_APPROVAL;
    };
  }

  /** Lists {@code codes} in {@code spec}'s help, in the order given, under "Exit codes:". */
  static void describe(CommandSpec spec, List<ExitCode> codes) {
    Map<String, String> list = new LinkedHashMap<>();
    for (ExitCode exit : codes) {
      list.put(Integer.toString(exit.code), exit.meaning);
    }
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
  }
}
