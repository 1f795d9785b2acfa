package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.TestTag;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs sample classes through the Jupiter engine: what the layer annotations do at run time. */
@UnitTest
class LayerExtensionTests {

  /** A team's own annotation, as the README suggests: a smoke test is an end-to-end test. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @EndToEndTest
  @interface SmokeTest {}

  /** Resolves the layer the extension recorded, so a sample test can assert on it. */
  static final class LayerParameter implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return Layers.of(context).orElse("none");
    }
  }

  @SmokeTest
  @ExtendWith(LayerParameter.class)
  static class ASmokeTest {
    @Test
    void knows_its_layer(String layer) {
      assertThat(layer).isEqualTo(Layers.E2E);
    }
  }

  @UnitTest
  static class ConfusedTest {
    @Test
    @ContractTest
    void is_two_things_at_once() {}
  }

  @Tag("other")
  static class NoLayer {
    @Test
    void runs_without_a_layer() {}
  }

  private static Events run(Class<?> type) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(type))
        .execute()
        .testEvents();
  }

  @Test
  void should_run_the_layer_extension_through_a_teams_own_annotation() {
    run(ASmokeTest.class).assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void should_tag_a_test_through_a_teams_own_annotation() {
    var plan =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ASmokeTest.class))
            .execute()
            .allEvents();
    assertThat(plan.started().stream().map(e -> e.getTestDescriptor().getTags()))
        .anySatisfy(tags -> assertThat(tags).contains(TestTag.create(Layers.E2E)));
  }

  @Test
  void should_refuse_a_test_in_two_layers_naming_both() {
    run(ConfusedTest.class)
        .assertThatEvents()
        .haveExactly(
            1,
            org.assertj.core.api.Assertions.allOf(
                test("is_two_things_at_once"),
                finishedWithFailure(
                    message(m -> m.contains("belongs to the layers unit and contract")))));
  }

  @Test
  void should_leave_a_test_without_a_layer_alone() {
    run(NoLayer.class).assertStatistics(stats -> stats.succeeded(1));
  }
}
