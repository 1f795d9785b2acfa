package dev.pyramid.reporting.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --allure-home}: where the Allure 2 commandline that generates the HTML report is unpacked.
 */
final class AllureHomeOption {

  @Option(
      names = "--allure-home",
      paramLabel = "DIR",
      description =
          "The unpacked Allure 2 commandline (default: target/allure-commandline/allure-*, then ALLURE_HOME).")
  private Path home;

  /** The directory given, or null to look in the default places. */
  Path home() {
    return home;
  }
}
