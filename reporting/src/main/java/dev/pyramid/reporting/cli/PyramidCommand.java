package dev.pyramid.reporting.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pyramid} command line: {@code gate} decides promotion, {@code stamp} binds results to a build,
 * {@code promote} and {@code history} keep the promotion history, {@code report} builds the Allure report.
 *
 * <p>Exit codes of {@code gate}: 0 promote (or, for a level run, the layers pass), 1 block,
 * 2 incomplete evidence, 3 usage or policy error, 4 manual approval.
 */
@Command(
    name = "pyramid",
    mixinStandardHelpOptions = true,
    version = "pyramid 0.1.0",
    description = "Reads a build's test results, decides promotion, reports.",
    subcommands = {GateCommand.class, StampCommand.class, PromoteCommand.class, HistoryCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:PROMOTE (or a level run's layers pass)",
      "1:BLOCK: a condition failed",
      "2:INCOMPLETE: evidence missing, empty, unreadable, unstamped, foreign or changed",
      "3:usage or policy error",
      "4:MANUAL_APPROVAL: the weighted score asks for a person's approval"
    })
public final class PyramidCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line {@code args} and returns its exit code, without exiting. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new PyramidCommand())
        .setExitCodeExceptionMapper(e -> 3)
        .setParameterExceptionHandler((e, a) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return 3;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: gate, stamp, promote, history or report");
  }
}
