package dev.pyramid.reporting.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pyramid report}: one Allure report from every module's results. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Gathers every target/allure-results of the build and generates one Allure HTML report.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:report generated", "1:report not generated", "3:usage error"})
final class ReportCommand implements Callable<Integer> {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--results", defaultValue = ".", paramLabel = "DIR",
      description = "A result root to search (repeatable). Default: ${DEFAULT-VALUE}.")
  private List<Path> results;

  @Option(names = "--out", defaultValue = "target/allure-report", paramLabel = "DIR",
      description = "Where the HTML report goes (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--allure-results", defaultValue = "target/allure-results", paramLabel = "DIR",
      description = "Where the aggregated results go (default: ${DEFAULT-VALUE}).")
  private Path allureResults;

  @Option(names = "--allure-home", paramLabel = "DIR",
      description = "The unpacked Allure 2 commandline (default: target/allure-commandline/allure-*, then ALLURE_HOME).")
  private Path allureHome;

  @Option(names = "--stage", defaultValue = "none", paramLabel = "STAGE",
      description = "Shown in the report's environment (default: ${DEFAULT-VALUE}).")
  private String stage;

  @Option(names = "--level", defaultValue = "all", paramLabel = "LEVEL",
      description = "Shown in the report's environment (default: ${DEFAULT-VALUE}).")
  private String level;

  @Option(names = {"--history", "--history-from"}, paramLabel = "DIR",
      description = "The Allure history kept between builds (trends): read before generating, replaced after. "
          + "Default: the system property pyramid.allure.history, else .pyramid/allure-history under the first "
          + "--results root; when it holds nothing yet, the previous report's history/ is used.")
  private Path history;

  @Override
  public Integer call() {
    boolean generated = AllureReportStep.run(results, allureResults, out, allureHome,
        AllureReportStep.historyStore(history, results),
        BuildEnvironment.of(stage, level, results), spec.commandLine().getOut(), spec.commandLine().getErr());
    return generated ? 0 : 1;
  }
}
