package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.openfeature.sdk.OpenFeatureAPI;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@UnitTest
class FlagMatrixTests {
  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  static class MatrixSample {
    @FlagMatrix(
        flags = {@FlagMatrix.Flag(name = "alpha"), @FlagMatrix.Flag(name = "beta")},
        excluding = "alpha=off, beta=on")
    void runs_each_allowed_combination() {
      var client = OpenFeatureAPI.getInstance().getClient("matrix-sample");
      SEEN.add(
          "alpha="
              + client.getBooleanValue("alpha", false)
              + " beta="
              + client.getBooleanValue("beta", false));
    }
  }

  static class Annotated {
    @FlagMatrix(
        flags = {
          @FlagMatrix.Flag(name = "a"),
          @FlagMatrix.Flag(name = "b"),
          @FlagMatrix.Flag(name = "c"),
          @FlagMatrix.Flag(name = "d"),
          @FlagMatrix.Flag(
              name = "e",
              values = {"low", "mid", "high"})
        },
        pairwise = true,
        excluding = {"a=on, b=on", "e=high, c=off"})
    void pairwise() {}

    @FlagMatrix(flags = {@FlagMatrix.Flag(name = "a")})
    void one_flag() {}

    @FlagMatrix(
        flags = {@FlagMatrix.Flag(name = "a"), @FlagMatrix.Flag(name = "b")},
        excluding = "a=maybe")
    void unknown_value() {}
  }

  private static FlagMatrix matrix(String method) throws Exception {
    Method m = Annotated.class.getDeclaredMethod(method);
    return m.getAnnotation(FlagMatrix.class);
  }

  @Test
  void every_combination_but_the_excluded_runs_named_after_its_settings() {
    SEEN.clear();
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(MatrixSample.class)).execute();
    Events events = results.allEvents();

    results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
    assertThat(SEEN)
        .containsExactly("alpha=true beta=true", "alpha=true beta=false", "alpha=false beta=false");
    assertThat(events.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .contains("[alpha=on, beta=on]", "[alpha=on, beta=off]", "[alpha=off, beta=off]")
        .doesNotContain("[alpha=off, beta=on]");
  }

  @Test
  void pairwise_covers_every_allowed_pair_in_fewer_runs_and_never_an_excluded_one()
      throws Exception {
    List<Map<String, String>> runs =
        FlagMatrixExtension.combinations(matrix("pairwise"), "pairwise()");

    assertThat(runs.size()).isLessThan(2 * 2 * 2 * 2 * 3);
    assertThat(runs)
        .noneMatch(run -> run.get("a").equals("on") && run.get("b").equals("on"))
        .noneMatch(run -> run.get("e").equals("high") && run.get("c").equals("off"));
    Set<String> covered = new HashSet<>();
    for (Map<String, String> run : runs) {
      run.forEach(
          (x, vx) -> run.forEach((y, vy) -> covered.add(x + "=" + vx + "," + y + "=" + vy)));
    }
    List<String> flags = List.of("a", "b", "c", "d", "e");
    Map<String, List<String>> values =
        Map.of(
            "a", List.of("on", "off"),
            "b", List.of("on", "off"),
            "c", List.of("on", "off"),
            "d", List.of("on", "off"),
            "e", List.of("low", "mid", "high"));
    for (String x : flags) {
      for (String y : flags) {
        if (x.compareTo(y) >= 0) {
          continue;
        }
        for (String vx : values.get(x)) {
          for (String vy : values.get(y)) {
            boolean excluded =
                (x.equals("a") && y.equals("b") && vx.equals("on") && vy.equals("on"))
                    || (x.equals("c") && y.equals("e") && vx.equals("off") && vy.equals("high"));
            if (!excluded) {
              assertThat(covered)
                  .as("pair %s=%s, %s=%s", x, vx, y, vy)
                  .contains(x + "=" + vx + "," + y + "=" + vy);
            }
          }
        }
      }
    }
  }

  @Test
  void a_matrix_of_one_flag_or_an_exclusion_of_an_unknown_value_is_refused_with_the_fix()
      throws Exception {
    assertThatThrownBy(() -> FlagMatrixExtension.combinations(matrix("one_flag"), "one_flag()"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("@FlagMatrix on one_flag() needs at least two flags; for one, use @FlagStates");
    assertThatThrownBy(
            () -> FlagMatrixExtension.combinations(matrix("unknown_value"), "unknown_value()"))
        .hasMessageContaining("\"a=maybe\" is not flag=value of the matrix's flags");
  }
}
