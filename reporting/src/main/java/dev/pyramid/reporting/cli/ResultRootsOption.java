package dev.pyramid.reporting.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --results}: the result roots a command searches, merged as one build's. */
final class ResultRootsOption {

  @Option(
      names = "--results",
      defaultValue = ".",
      paramLabel = "DIR",
      description =
          "A result root to search (repeatable; CI jobs and shards merge). Default: ${DEFAULT-VALUE}.")
  private List<Path> roots;

  /** The roots in the order given; never empty. */
  List<Path> roots() {
    return roots;
  }
}
