package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.conditions.Category;
import dev.pyramid.reporting.conditions.ConditionKind;
import dev.pyramid.reporting.conditions.ConditionKinds;
import dev.pyramid.reporting.conditions.Scope;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.results.Layer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pyramid policy}: checks a policy file, or documents every condition kind the gate knows.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the promotion policy (--policy) and prints its path, lanes and conditions per stage; with",
      "--explain, documents every condition kind instead: its key, the layers it is about, what it judges,",
      "an example and the report category its failures are filed in."
    })
final class PolicyCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Mixin private PolicyOption policy;

  @Option(
      names = "--explain",
      description = "Document every condition kind rather than check a policy.")
  private boolean explain;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(ExitCode.DONE, ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (explain) {
      out.print(explain());
      out.flush();
      return ExitCode.DONE.code();
    }
    try {
      Policy read = policy.read();
      out.println("Policy " + read.source() + ": valid");
      out.println("promotion path: " + String.join(" -> ", read.path()));
      for (String lane : new TreeSet<>(read.lanes().keySet())) {
        Policy.Lane of = read.lanes().get(lane);
        out.println(
            "lane "
                + lane
                + " (score: pass "
                + of.score().pass()
                + ", warn "
                + of.score().warn()
                + ")");
        for (String stage : read.path()) {
          Policy.Stage s = of.stages().get(stage);
          out.println(
              "  "
                  + stage
                  + ": requires "
                  + s.require().stream().map(Layer::id).toList()
                  + "; "
                  + s.conditions().stream()
                      .map(
                          c ->
                              c.id()
                                  + " "
                                  + c.expected()
                                  + (c.blocking() ? "" : " (weight " + c.weight() + ")"))
                      .collect(Collectors.joining(", ")));
        }
      }
      out.flush();
      return ExitCode.DONE.code();
    } catch (PolicyException e) {
      spec.commandLine().getErr().println("Policy error: " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
  }

  /**
   * Every condition kind of {@link ConditionKinds}, in table order, as {@code --explain} prints
   * them.
   */
  static String explain() {
    StringBuilder text =
        new StringBuilder(
            "Condition kinds of quality-gate.yml: each condition is one map with ONE of "
                + "these keys, and the options "
                + new TreeSet<>(ConditionKind.COMMON_OPTIONS)
                + ".\n");
    for (ConditionKind kind : ConditionKinds.ALL) {
      text.append('\n')
          .append(kind.key())
          .append('\n')
          .append("  ")
          .append(kind.summary())
          .append('\n')
          .append("  layer:    ")
          .append(layers(kind.scope()))
          .append('\n');
      if (!kind.options().isEmpty()) {
        text.append("  options:  ").append(new TreeSet<>(kind.options())).append('\n');
      }
      text.append("  category: ")
          .append(categories(kind))
          .append('\n')
          .append("  example:  ")
          .append(kind.example())
          .append('\n');
    }
    text.append(
        """

        Every condition: blocking: true (the default) blocks outright when it fails; blocking: false with
        weight: N (default 1) adds to the lane's score instead. id: names it (default <layer>.<key>). Its
        layer must be required by the stage. Missing or unreadable evidence is never a pass.
        """);
    return text.toString();
  }

  private static String layers(Scope scope) {
    if (scope.isAcrossLayers()) {
      return scope.everyCompared()
          ? "none: compares " + names(scope.compared()) + ", which the stage must require"
          : "none: reads those of " + names(scope.compared()) + " the stage requires";
    }
    if (scope.implied() == null) {
      return "required, one of " + names(scope.allowed());
    }
    return scope.allowed().size() == 1
        ? scope.implied().id() + " (implied)"
        : scope.implied().id() + " unless named (any of " + names(scope.allowed()) + ")";
  }

  private static String categories(ConditionKind kind) {
    Map<Layer, Category> byLayer = kind.categories();
    if (Set.copyOf(byLayer.values()).size() == 1) {
      return byLayer.values().iterator().next().title();
    }
    return byLayer.entrySet().stream()
        .map(e -> e.getKey().id() + ": " + e.getValue().title())
        .collect(Collectors.joining(", "));
  }

  private static String names(java.util.Collection<Layer> layers) {
    return layers.stream().sorted().map(Layer::id).collect(Collectors.joining(", "));
  }
}
