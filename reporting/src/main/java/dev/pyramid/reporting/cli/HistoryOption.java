package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.history.History;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --history}: the file of the gate's decisions and the promotions, which baselines come
 * from.
 */
final class HistoryOption {

  @Option(
      names = "--history",
      defaultValue = ".pyramid/history.jsonl",
      paramLabel = "FILE",
      description =
          "The history of decisions and promotions, one JSON line each; the gate appends to it and "
              + "takes its baselines from it (default: ${DEFAULT-VALUE}).")
  private Path file;

  /** The history in the file given. */
  History history() {
    return new History(file);
  }
}
