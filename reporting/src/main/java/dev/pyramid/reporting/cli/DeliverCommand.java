package dev.pyramid.reporting.cli;

import static dev.pyramid.reporting.cli.ExitCode.DONE;
import static dev.pyramid.reporting.cli.ExitCode.REFUSED;
import static dev.pyramid.reporting.cli.ExitCode.USAGE_OR_POLICY_ERROR;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.flags.FlagChange;
import dev.pyramid.flags.FlagFileException;
import dev.pyramid.flags.FlagRegistry;
import dev.pyramid.flags.RegisteredFlag;
import dev.pyramid.flags.StageFlags;
import dev.pyramid.reporting.flags.DeliveryCheck;
import dev.pyramid.reporting.history.Deliveries;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pyramid deliver}: changes what a stage's flags serve (a delivery, apart from any
 * deployment) when the build the stage runs was tested in it, and records it in the history.
 */
@Command(
    name = "deliver",
    mixinStandardHelpOptions = true,
    description = {
      "Delivers a feature flag's variant (or targeting) at STAGE: changes STAGE's flag file (the policy's",
      "flags.stages/STAGE.flagd.json, which the services read through flagd) and records the change in the",
      "history beside the deployments. Refused unless every variant the flag would serve passed the",
      "required layers in the build STAGE runs (its gate decision recorded which), except when it",
      "returns to a state already delivered there or turns the flag off (a kill switch), which is always",
      "allowed and recorded. With --old and --new, the same check on a changed flag file",
      "(a gitops change): each change is listed as safe or refused, and recorded unless --dry-run."
    })
final class DeliverCommand implements Subcommand {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stage",
      required = true,
      paramLabel = "STAGE",
      description = "The stage whose flags change.")
  private String stage;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private What what;

  /** One flag changed here, or two versions of the stage's file compared. */
  static final class What {
    @ArgGroup(exclusive = false)
    OneFlag flag;

    @ArgGroup(exclusive = false)
    TwoFiles files;
  }

  /** {@code --flag F [--variant V] [--targeting JSON]}. */
  static final class OneFlag {
    @Option(
        names = "--flag",
        required = true,
        paramLabel = "FLAG",
        description = "The registered flag to deliver.")
    String flag;

    @Option(
        names = "--variant",
        paramLabel = "VARIANT",
        description =
            "The variant everyone gets from now on (the flag's defaultVariant); without --targeting, any"
                + " targeting is removed: delivered to all.")
    String variant;

    @Option(
        names = "--targeting",
        paramLabel = "JSON",
        description =
            "The targeting rule (JsonLogic, flagd's), e.g. for pilot customers: "
                + "'{\"if\": [{\"in\": [{\"var\": \"targetingKey\"}, [\"rider-pilot-1\"]]}, \"on\", \"off\"]}';"
                + " 'none' removes it.")
    String targeting;
  }

  /** {@code --old FILE --new FILE}. */
  static final class TwoFiles {
    @Option(
        names = "--old",
        required = true,
        paramLabel = "FILE",
        description = "The stage's flag file as it is (a gitops change's base).")
    Path old;

    @Option(
        names = "--new",
        required = true,
        paramLabel = "FILE",
        description = "The stage's flag file as the change makes it.")
    Path next;
  }

  @Option(
      names = "--dry-run",
      description = "Check and list the changes; change no file and record nothing.")
  private boolean dryRun;

  @Mixin private PolicyOption policy;

  @Mixin private HistoryOption history;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(DONE, REFUSED, USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Optional<Policy> policed = policy.readWithStage(stage, stderr);
    if (policed.isEmpty()) {
      return USAGE_OR_POLICY_ERROR.code();
    }
    Policy read = policed.get();
    if (read.flags().registry().isEmpty()) {
      stderr.println(
          "Policy error: "
              + read.source()
              + " names no flag registry; add flags: { registry: flags/registry.flagd.json,"
              + " stages: flags/stages }");
      return USAGE_OR_POLICY_ERROR.code();
    }
    Path pending = null;
    try {
      FlagRegistry registry = FlagRegistry.read(read.flags().registry().get());
      StageFlags old;
      StageFlags next;
      Path stageFile = null;
      if (what.files != null) {
        old = StageFlags.read(stage, what.files.old, registry);
        next = StageFlags.read(stage, what.files.next, registry);
      } else {
        Optional<Path> file = read.flags().stageFile(stage);
        if (file.isEmpty()) {
          stderr.println(
              "Policy error: "
                  + read.source()
                  + " names no folder of the stages' flag files; add flags.stages");
          return USAGE_OR_POLICY_ERROR.code();
        }
        stageFile = file.get();
        old = StageFlags.read(stage, stageFile, registry);
        pending = stageFile.resolveSibling("." + stageFile.getFileName() + ".delivering");
        Files.writeString(pending, changed(stageFile, registry));
        next = StageFlags.read(stage, pending, registry);
      }
      List<FlagChange> changes = FlagChange.between(old.document(), next.document());
      if (changes.isEmpty()) {
        stdout.println("Nothing to deliver: no flag of " + stage + " would serve otherwise.");
        stdout.flush();
        return DONE.code();
      }
      History file = history.history();
      List<JsonNode> lines = file.read();
      Optional<BuildIdentity> running = History.running(lines, stage);
      Optional<Map<String, Set<String>>> tested =
          running.flatMap(build -> Deliveries.flagVariantsTested(lines, build, stage));
      List<DeliveryCheck.Judged> judged =
          DeliveryCheck.judge(
              changes,
              running.map(BuildIdentity::toString),
              tested,
              Deliveries.deliveredStates(lines, stage));
      stdout.println(
          "Flag changes at "
              + stage
              + (running.map(build -> " (runs " + build + ")").orElse(" (runs no build yet)"))
              + ":");
      for (DeliveryCheck.Judged one : judged) {
        stdout.println(
            "  "
                + one.change().flag()
                + ": "
                + one.change().fromState()
                + " -> "
                + one.change().toState());
        stdout.println(
            "    "
                + (one.safe() ? "safe (" + one.kind().id() + ")" : "REFUSED")
                + ": "
                + one.reason());
      }
      if (judged.stream().anyMatch(one -> !one.safe())) {
        stdout.println("Refused: nothing delivered, nothing recorded.");
        stdout.flush();
        return REFUSED.code();
      }
      if (dryRun) {
        stdout.println("Safe to deliver (dry run): nothing changed, nothing recorded.");
        stdout.flush();
        return DONE.code();
      }
      if (stageFile != null) {
        Files.move(
            pending,
            stageFile,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        pending = null;
      }
      Instant now = Instant.now();
      for (DeliveryCheck.Judged one : judged) {
        file.append(Deliveries.deliveryLine(stage, running, one, now));
      }
      stdout.println(
          "Delivered at "
              + stage
              + (stageFile != null ? ": " + stageFile + " changed" : "")
              + "; recorded in "
              + file.file());
      stdout.flush();
      return DONE.code();
    } catch (FlagFileException e) {
      stderr.println("Flag file error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    } catch (UsageError e) {
      stderr.println("Usage error: " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    } catch (IOException e) {
      stderr.println("Cannot read or write " + e.getMessage());
      return USAGE_OR_POLICY_ERROR.code();
    } finally {
      if (pending != null) {
        try {
          Files.deleteIfExists(pending);
        } catch (IOException e) {
          stderr.println("Cannot remove " + pending + ": " + e.getMessage());
        }
      }
    }
  }

  /** The stage's file with this command's change of one flag, as text. */
  private String changed(Path stageFile, FlagRegistry registry) throws IOException, UsageError {
    OneFlag change = what.flag;
    if (change.variant == null && change.targeting == null) {
      throw new UsageError("--flag " + change.flag + " needs --variant, --targeting, or both");
    }
    RegisteredFlag registered =
        registry
            .flag(change.flag)
            .orElseThrow(
                () ->
                    new UsageError(
                        "flag \""
                            + change.flag
                            + "\" is not in the registry "
                            + registry.file()
                            + "; register it first"));
    ObjectNode root = (ObjectNode) JSON.readTree(stageFile.toFile());
    ObjectNode flags = (ObjectNode) root.get("flags");
    ObjectNode flag = (ObjectNode) flags.get(change.flag);
    if (flag == null) {
      // Not yet at this stage: it starts from the registry's variants.
      flag = flags.putObject(change.flag);
      flag.put("defaultVariant", registered.config().defaultVariant());
    }
    flag.put("state", "ENABLED");
    // Every variant the registry has, so that any of them may be named.
    flag.set("variants", JSON.valueToTree(registered.config().variants()));
    if (change.variant != null) {
      flag.put("defaultVariant", change.variant);
      if (change.targeting == null) {
        flag.remove("targeting");
      }
    }
    if (change.targeting != null) {
      if (change.targeting.strip().equals("none")) {
        flag.remove("targeting");
      } else {
        try {
          JsonNode rule = JSON.readTree(change.targeting);
          if (rule == null || !rule.isObject()) {
            throw new UsageError("--targeting must be a JsonLogic rule (a JSON object) or none");
          }
          flag.set("targeting", rule);
        } catch (JsonProcessingException e) {
          throw new UsageError("--targeting is not JSON: " + e.getOriginalMessage());
        }
      }
    }
    return JSON.writeValueAsString(root) + "\n";
  }

  /** A command line that cannot be carried out, said before anything changes. */
  private static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }
}
