package dev.pyramid.reporting.cli;

import java.util.List;
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
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:PROMOTE (or a level run's layers pass)",
      "1:BLOCK: a condition failed",
      "2:INCOMPLETE: evidence missing, empty, unreadable, unstamped, foreign or changed",
      "3:usage or policy error",
      "4:MANUAL_APPROVAL: the weighted score asks for a person's approval"
    })
public final class PyramidCommand implements Runnable {

  /**
   * The subcommands, by name, in the order help lists them. Registered here rather than in the annotation:
   * picocli builds a command's model by reflection when it is registered (about 40 ms each, a fifth of a
   * gate run on a small result set), and a run that names its subcommand needs only that one's.
   */
  private static final List<String> SUBCOMMANDS = List.of("gate", "stamp", "promote", "history", "report", "policy", "help");

  /**
   * A new subcommand object by its name in {@link #SUBCOMMANDS}. A switch rather than a map of constructor
   * references, each of which would be bootstrapped on first use, at every start.
   */
  private static Object subcommand(String name) {
    return switch (name) {
      case "gate" -> new GateCommand();
      case "stamp" -> new StampCommand();
      case "promote" -> new PromoteCommand();
      case "history" -> new HistoryCommand();
      case "report" -> new ReportCommand();
      case "policy" -> new PolicyCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    Prefetch.start(args); // one run per JVM: what the gate will read starts while picocli parses
    System.exit(run(args));
  }

  /** Runs the command line {@code args} and returns its exit code, without exiting. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new PyramidCommand());
    // "help", top-level options, no or an unknown subcommand: every subcommand, so that help and "did you mean"
    // list them all.
    boolean one = args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("help");
    for (String name : SUBCOMMANDS) {
      if (!one || name.equals(args[0])) {
        commandLine.addSubcommand(name, subcommand(name));
      }
    }
    commandLine
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
