package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.stamp.BuildIdentity;
import dev.pyramid.reporting.stamp.Stamp;
import dev.pyramid.reporting.stamp.StampWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pyramid stamp}: binds a result root to the build that produced it. */
@Command(
    name = "stamp",
    mixinStandardHelpOptions = true,
    description = {
      "Records in DIR/"
          + Stamp.FILE
          + " which build produced the results in DIR and when, and in "
          + "DIR/"
          + Stamp.MANIFEST
          + " the SHA-256 of every file below DIR (or of the result files --policy "
          + "names), as sha256sum writes it. Run it right after the results are written; the gate refuses a "
          + "root stamped for another build and any file changed, added or removed since."
    })
final class StampCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description = "The result root to stamp.")
  private Path dir;

  @Mixin private BuildOptions identity;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Cover only the result files this policy's sources name (default: every file below DIR).")
  private Path policy;

  @Option(
      names = "--not-before",
      paramLabel = "INSTANT",
      description =
          "Leave out files last modified before this instant (e.g. 2026-11-26T13:00:00Z, the build's "
              + "start): results of an earlier build, which the gate then refuses.")
  private String notBefore;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(ExitCode.DONE, ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      BuildIdentity build = identity.resolve();
      List<String> include =
          policy == null ? List.of() : new PolicyReader().read(policy).sources().allFileGlobs();
      Instant since =
          notBefore == null || notBefore.isBlank() ? null : Instant.parse(notBefore.strip());
      Stamp stamp = StampWriter.write(dir, build, include, since, Instant.now());
      stdout.println(
          "Stamped "
              + dir.toAbsolutePath().normalize()
              + " for "
              + build
              + ": "
              + stamp.files()
              + " file(s)"
              + (stamp.stale().isEmpty()
                  ? ""
                  : ", "
                      + stamp.stale().size()
                      + " left out as older than "
                      + since
                      + " (the gate will refuse them): "
                      + stamp.stale()));
      stdout.flush();
      return ExitCode.DONE.code();
    } catch (BuildIdentity.UnresolvedException e) {
      stderr.println("Usage error: " + e.getMessage());
    } catch (PolicyException e) {
      stderr.println("Policy error: " + e.getMessage());
    } catch (DateTimeParseException e) {
      stderr.println(
          "Usage error: --not-before \""
              + notBefore
              + "\" is not an instant such as 2026-11-26T13:00:00Z");
    } catch (IOException | UncheckedIOException e) {
      stderr.println("Cannot stamp " + dir + ": " + e.getMessage());
    }
    return ExitCode.USAGE_OR_POLICY_ERROR.code();
  }
}
