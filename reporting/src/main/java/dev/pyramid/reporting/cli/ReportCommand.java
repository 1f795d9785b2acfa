package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.allure.AllureReport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid report}: one Allure report from every module's results. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Gathers every target/allure-results of the build and generates one Allure HTML report.")
final class ReportCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Mixin private ResultRootsOption results;

  @Option(
      names = "--out",
      defaultValue = "target/allure-report",
      paramLabel = "DIR",
      description = "Where the HTML report goes (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--allure-results",
      defaultValue = "target/allure-results",
      paramLabel = "DIR",
      description = "Where the aggregated results go (default: ${DEFAULT-VALUE}).")
  private Path allureResults;

  @Mixin private AllureHomeOption allureHome;

  @Option(
      names = "--stage",
      defaultValue = "none",
      paramLabel = "STAGE",
      description = "Shown in the report's environment (default: ${DEFAULT-VALUE}).")
  private String stage;

  @Option(
      names = "--level",
      defaultValue = "all",
      paramLabel = "LEVEL",
      description = "Shown in the report's environment (default: ${DEFAULT-VALUE}).")
  private String level;

  @Option(
      names = {"--history", "--history-from"},
      paramLabel = "DIR",
      description =
          "The Allure history kept between builds (trends): read before generating, replaced after. "
              + "Default: the system property pyramid.allure.history, else .pyramid/allure-history under the first "
              + "--results root; when it holds nothing yet, the previous report's history/ is used.")
  private Path history;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(ExitCode.DONE, ExitCode.NOT_GENERATED, ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    List<Path> roots = results.roots();
    boolean generated =
        AllureReport.run(
            roots,
            allureResults,
            out,
            allureHome.home(),
            AllureReport.historyStore(history, roots),
            BuildEnvironment.of(stage, level, roots),
            spec.commandLine().getOut(),
            spec.commandLine().getErr());
    return (generated ? ExitCode.DONE : ExitCode.NOT_GENERATED).code();
  }
}
