package dev.pyramid.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * One Allure HTML report from every module's allure-results ({@code pyramid report}), with its
 * trend: the history is read from, and saved to, the level's own folder under {@link
 * #allureHistory}, so that a level run ({@code -Plevel=contract}, 16 tests) is never drawn as the
 * whole pyramid (334 tests) dropping. The Allure commandline is the plugin's own, unpacked offline.
 *
 * <p>The {@code gate} goal with {@code allureReport} set makes the same report; this goal is for
 * builds that want the report without a decision.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractPyramidMojo {

  /**
   * The roots searched for allure-results folders. Comma-separated; a relative one is taken from
   * the project folder.
   */
  @Parameter(property = "pyramid.results", defaultValue = "${project.basedir}")
  String results;

  /** Where the HTML report goes. */
  @Parameter(
      property = "pyramid.allure.report",
      defaultValue = "${project.build.directory}/allure-report")
  File allureReport;

  /** Where the build's Allure results are gathered for the report. */
  @Parameter(
      property = "pyramid.allure.results",
      defaultValue = "${project.build.directory}/allure-results")
  File allureResults;

  /** An unpacked Allure 2 commandline; unset: the plugin unpacks its own (offline). */
  @Parameter(property = "pyramid.allure.home")
  File allureHome;

  /**
   * The Allure history kept between builds, one folder per level below it ({@code all}, {@code
   * contract}, {@code unit+e2e}...).
   */
  @Parameter(
      property = "pyramid.allure.history",
      defaultValue = "${project.basedir}/.pyramid/allure-history")
  File allureHistory;

  /** Shown in the report's environment. */
  @Parameter(property = "pyramid.stage", defaultValue = "none")
  String stage;

  /**
   * The level the build ran (all, or layers comma-separated): shown in the report's environment and
   * chooses the history folder.
   */
  @Parameter(property = "pyramid.level", defaultValue = "all")
  String level;

  /** Skip the report. */
  @Parameter(property = "pyramid.report.skip", defaultValue = "false")
  boolean skip;

  /** The result roots {@link #results} names. */
  List<File> roots() {
    return roots(results, workingDirectory);
  }

  @Override
  boolean skipped() {
    return skip;
  }

  @Override
  String skipProperty() {
    return "pyramid.report.skip";
  }

  @Override
  void check() throws MojoExecutionException {
    requireFolders(
        roots(),
        "results",
        "pyramid.results",
        "point -Dpyramid.results at the folders holding the modules' allure-results (comma-separated).");
    PolicyChecks.layers(level);
    checkAllureHome(allureHome, "pyramid.allure.home");
  }

  /** The {@code pyramid report} arguments, with the Allure commandline at {@code home}. */
  List<String> arguments(Path home) {
    List<String> arguments = new ArrayList<>(List.of("report"));
    for (File root : roots()) {
      option(arguments, "--results", root);
    }
    option(arguments, "--out", allureReport);
    option(arguments, "--allure-results", allureResults);
    option(arguments, "--allure-home", home);
    option(arguments, "--stage", stage);
    option(arguments, "--level", level.strip());
    if (allureHistory != null) {
      option(arguments, "--history", AllureCommandline.historyOf(allureHistory.toPath(), level));
    }
    return arguments;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    if (allureHistory != null) {
      try {
        AllureCommandline.keepEarlierHistory(allureHistory.toPath());
        if (allureReport != null) {
          AllureCommandline.forgetOtherLevels(
              allureReport.toPath(), AllureCommandline.historyOf(allureHistory.toPath(), level));
        }
      } catch (IOException e) {
        throw new MojoExecutionException(
            "Cannot prepare the Allure history in " + allureHistory + ": " + e.getMessage(), e);
      }
    }
    PyramidJvm.Outcome outcome =
        fork(List.of(), arguments(allureHome(allureHome, "pyramid.allure.home")));
    if (outcome.exitCode() != 0) {
      throw new MojoFailureException(
          "Allure report not generated: "
              + (outcome.err().isEmpty()
                  ? "exit code " + outcome.exitCode()
                  : String.join(" ", outcome.err())));
    }
  }
}
