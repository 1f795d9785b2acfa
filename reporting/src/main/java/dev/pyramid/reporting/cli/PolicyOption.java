package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --policy}: the promotion policy a command decides or records by. ({@code stamp}'s own
 * {@code --policy} is optional and only narrows what it covers, so it is declared there.)
 */
final class PolicyOption {

  @Option(
      names = "--policy",
      defaultValue = "quality-gate.yml",
      paramLabel = "FILE",
      description = "The promotion policy (default: ${DEFAULT-VALUE}).")
  private Path file;

  /** The policy file as given. */
  Path file() {
    return file;
  }

  /** The policy read from {@link #file()}. */
  Policy read() throws PolicyException {
    return new PolicyReader().read(file);
  }
}
