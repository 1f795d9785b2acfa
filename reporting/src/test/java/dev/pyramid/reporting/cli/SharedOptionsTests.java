package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.history.History;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options that several commands take are declared once, in a mixin, and mean the same in each
 * command.
 */
@UnitTest
class SharedOptionsTests {

  /** What each command needs on its command line besides the options under test. */
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "gate",
          List.of("--stage", "dev"),
          "stamp",
          List.of("--dir", "."),
          "promote",
          List.of("--stage", "dev"),
          "history",
          List.of(),
          "report",
          List.of());

  /** Options of the same name that mean something else in one command, so are declared there. */
  private static final Set<String> OWN_OPTIONS = Set.of("report --history", "stamp --policy");

  private static final List<Class<?>> MIXINS =
      List.of(
          BuildOptions.class,
          PolicyOption.class,
          HistoryOption.class,
          ResultRootsOption.class,
          AllureHomeOption.class);

  @Test
  void a_shared_option_comes_from_its_mixin_in_every_command_that_takes_it() {
    List<String> checked = new ArrayList<>();
    for (String name : REQUIRED.keySet()) {
      CommandSpec spec = spec(name);
      for (Class<?> mixin : MIXINS) {
        for (OptionSpec shared : CommandSpec.forAnnotatedObject(mixin).options()) {
          OptionSpec option = spec.findOption(shared.longestName());
          if (option == null) {
            continue;
          }
          String where = name + " " + shared.longestName();
          if (OWN_OPTIONS.contains(where)) {
            assertThat(mixinOf(spec, option)).as(where).isNull();
            continue;
          }
          // Declared by the mixin itself, so its description and default are the mixin's in every
          // command.
          assertThat(mixinOf(spec, option)).as(where).isEqualTo(mixin);
          checked.add(where);
        }
      }
    }
    assertThat(checked)
        .contains(
            "gate --commit",
            "stamp --commit",
            "promote --commit",
            "gate --build-id",
            "stamp --build-id",
            "promote --build-id",
            "gate --history",
            "promote --history",
            "history --history",
            "gate --policy",
            "promote --policy",
            "gate --results",
            "report --results",
            "gate --allure-home",
            "report --allure-home");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate", "stamp", "promote"})
  void every_command_that_names_a_build_resolves_it_the_same_way(String name) throws Exception {
    CommandLine line = parsed(name, "--commit", " 0123abc ", "--build-id=42");

    BuildIdentity build = mixin(line, BuildOptions.class).resolve();

    assertThat(build).isEqualTo(new BuildIdentity("0123abc", "42"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate", "promote", "history"})
  void every_command_that_keeps_the_history_defaults_to_the_same_file(String name) {
    CommandLine line = parsed(name);

    assertThat(mixin(line, HistoryOption.class).history().file())
        .isEqualTo(new History(Path.of(".pyramid/history.jsonl")).file());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate", "promote"})
  void every_command_that_reads_the_policy_defaults_to_the_same_file(String name) {
    CommandLine line = parsed(name);

    assertThat(mixin(line, PolicyOption.class).file()).isEqualTo(Path.of("quality-gate.yml"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gate", "report"})
  void every_command_that_searches_result_roots_takes_them_in_order_and_defaults_to_here(
      String name) {
    assertThat(mixin(parsed(name), ResultRootsOption.class).roots()).containsExactly(Path.of("."));
    assertThat(
            mixin(parsed(name, "--results", "b", "--results=a"), ResultRootsOption.class).roots())
        .containsExactly(Path.of("b"), Path.of("a"));
  }

  private static CommandSpec spec(String name) {
    return new CommandLine(PyramidCommand.subcommands().get(name)).getCommandSpec();
  }

  private static CommandLine parsed(String name, String... args) {
    CommandLine line = new CommandLine(PyramidCommand.subcommands().get(name));
    List<String> all = new ArrayList<>(REQUIRED.get(name));
    all.addAll(List.of(args));
    line.parseArgs(all.toArray(String[]::new));
    return line;
  }

  private static <T> T mixin(CommandLine line, Class<T> type) {
    return line.getCommandSpec().mixins().values().stream()
        .map(CommandSpec::userObject)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The mixin class that declares {@code option} in {@code spec}, or null when the command declares
   * it.
   */
  private static Class<?> mixinOf(CommandSpec spec, OptionSpec option) {
    return spec.mixins().values().stream()
        .filter(mixin -> mixin.options().contains(option))
        .map(mixin -> mixin.userObject().getClass())
        .findFirst()
        .orElse(null);
  }
}
