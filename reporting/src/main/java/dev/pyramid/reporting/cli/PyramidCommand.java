package dev.pyramid.reporting.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pyramid} command line: {@code gate} decides promotion, {@code stamp} binds results to
 * a build, {@code promote} and {@code history} keep the promotion history, {@code report} builds
 * the Allure report, {@code api-diff} compares two OpenAPI documents. Exit codes: {@link ExitCode}.
 */
@Command(
    name = "pyramid",
    mixinStandardHelpOptions = true,
    version = "pyramid 0.1.0",
    description = "Reads a build's test results, decides promotion, reports.")
public final class PyramidCommand implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /**
   * Every subcommand by its name, in the order help lists them: one line each. Registered with
   * picocli only when needed (see {@link #run}), since picocli builds a command's model by
   * reflection as it is registered (about 40 ms each, a fifth of a gate run on a small result set);
   * the objects themselves cost nothing.
   */
  static Map<String, Object> subcommands() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("gate", new GateCommand());
    all.put("stamp", new StampCommand());
    all.put("promote", new PromoteCommand());
    all.put("rollback", new RollbackCommand());
    all.put("deliver", new DeliverCommand());
    all.put("history", new HistoryCommand());
    all.put("metrics", new MetricsCommand());
    all.put("flaky", new FlakyCommand());
    all.put("report", new ReportCommand());
    all.put("policy", new PolicyCommand());
    all.put("api-diff", new ApiDiffCommand());
    all.put("help", new CommandLine.HelpCommand());
    return all;
  }

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line {@code args} and returns its exit code, without exiting. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new PyramidCommand());
    ExitCode.describe(commandLine.getCommandSpec(), GateCommand.EXIT_CODES);
    Map<String, Object> subcommands = subcommands();
    // "help", top-level options, no or an unknown subcommand: every subcommand, so that help and
    // "did you mean"
    // list them all.
    boolean one = args.length > 0 && subcommands.containsKey(args[0]) && !args[0].equals("help");
    subcommands.forEach(
        (name, command) -> {
          if (!one || name.equals(args[0])) {
            CommandLine added = commandLine.addSubcommand(name, command).getSubcommands().get(name);
            if (command instanceof Subcommand listed) {
              ExitCode.describe(added.getCommandSpec(), listed.exitCodes());
            }
          }
        });
    int usageError = ExitCode.USAGE_OR_POLICY_ERROR.code();
    commandLine
        .setExitCodeExceptionMapper(e -> usageError)
        .setParameterExceptionHandler(
            (e, a) -> {
              e.getCommandLine().getErr().println(e.getMessage());
              e.getCommandLine().usage(e.getCommandLine().getErr());
              return usageError;
            });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    List<String> names = new ArrayList<>(subcommands().keySet());
    names.remove("help");
    String last = names.remove(names.size() - 1);
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: " + String.join(", ", names) + " or " + last);
  }
}
