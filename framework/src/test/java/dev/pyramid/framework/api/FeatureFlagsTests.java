package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs sample classes through the Jupiter engine: flags as code under test reads them. */
@UnitTest
class FeatureFlagsTests {
  static final List<String> SEEN = new CopyOnWriteArrayList<>();

  /** Reads the flag the way code under test does: through an OpenFeature client. */
  static boolean etaBuffer() {
    Client client = OpenFeatureAPI.getInstance().getClient("code-under-test");
    return client.getBooleanValue("eta-buffer", false);
  }

  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class FlagsSample {
    @Test
    @WithFlags("eta-buffer=on")
    void a_annotation_sets_the_flag() {
      SEEN.add("a:" + etaBuffer());
    }

    @Test
    @WithFlags
    void b_flags_are_cleared_between_tests(FeatureFlags flags) {
      SEEN.add("b:" + etaBuffer());
      flags.set("eta-buffer", true);
      SEEN.add("b-set:" + etaBuffer());
    }

    @FlagStates(
        flag = "eta-buffer",
        values = {"on", "off"})
    void c_runs_once_per_state(FeatureFlags flags) {
      SEEN.add("c-" + flags.get("eta-buffer").orElseThrow() + ":" + etaBuffer());
    }
  }

  private static Events run(Class<?> type, String deployedUrl) {
    var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(type));
    if (deployedUrl != null) {
      kit = kit.configurationParameter(Deployment.GATEWAY_URL_KEY, deployedUrl);
    }
    return kit.execute().allEvents();
  }

  @Test
  void should_set_flags_for_one_test_and_run_a_template_once_per_state() {
    SEEN.clear();
    Events events = run(FlagsSample.class, null);

    events.assertStatistics(stats -> stats.failed(0));
    assertThat(SEEN).containsExactly("a:true", "b:false", "b-set:true", "c-on:true", "c-off:false");
    assertThat(events.started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .contains("[eta-buffer=on]", "[eta-buffer=off]");
    assertThat(etaBuffer()).as("no flag survives its test").isFalse();
  }

  @Test
  void should_skip_flag_tests_with_a_reason_against_a_deployed_environment() {
    SEEN.clear();
    Events events = run(FlagsSample.class, "https://staging.example");

    assertThat(SEEN).isEmpty();
    assertThat(events.skipped().count()).isEqualTo(3);
    assertThat(events.skipped().stream().map(e -> e.getPayload(String.class).orElse("")))
        .allSatisfy(
            reason -> assertThat(reason).contains("deployed environment").contains("flags"));
  }
}
