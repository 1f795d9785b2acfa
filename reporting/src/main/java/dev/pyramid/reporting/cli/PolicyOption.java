package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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

  /**
   * The policy, when it reads and has {@code stage} on its path; otherwise says why on {@code
   * stderr} (a usage or policy error) and is empty.
   */
  Optional<Policy> readWithStage(String stage, PrintWriter stderr) {
    Policy read;
    try {
      read = read();
    } catch (PolicyException e) {
      stderr.println("Policy error: " + e.getMessage());
      return Optional.empty();
    }
    if (!read.path().contains(stage)) {
      stderr.println(
          "Usage error: stage \"" + stage + "\" is not on the promotion path " + read.path());
      return Optional.empty();
    }
    return Optional.of(read);
  }
}
