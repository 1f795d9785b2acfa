package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@UnitTest
class InProcessOnlyTests {

  static class Sample {
    @Test
    @InProcessOnly("stubs the routing API to fail")
    void needs_the_in_process_stub() {}

    @Test
    void runs_anywhere() {}
  }

  private static Events run(String gatewayUrl) {
    var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class));
    if (gatewayUrl != null) {
      kit = kit.configurationParameter(Deployment.GATEWAY_URL_KEY, gatewayUrl);
    }
    return kit.execute().testEvents();
  }

  @Test
  void should_run_everything_in_process() {
    run(null).assertStatistics(stats -> stats.succeeded(2).skipped(0));
  }

  @Test
  void should_skip_with_the_reason_against_a_deployed_environment() {
    Events events = run("https://staging.example");

    events.assertStatistics(stats -> stats.succeeded(1).skipped(1));
    assertThat(events.skipped().stream().map(e -> e.getPayload(String.class).orElseThrow()))
        .containsExactly(
            "Skipped against the deployed environment (pyramid.target.gateway-url is set):"
                + " stubs the routing API to fail");
  }
}
