package dev.pyramid.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charts of the metrics page: their scale, their labels and what they draw. */
@UnitTest
class SvgChartTests {

  @Test
  void the_scale_ends_at_the_next_round_value() {
    assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
    assertThat(SvgChart.niceCeiling(3)).isEqualTo(5);
    assertThat(SvgChart.niceCeiling(68)).isEqualTo(100);
    assertThat(SvgChart.niceCeiling(7)).isEqualTo(10);
    assertThat(SvgChart.niceCeiling(22)).isEqualTo(25);
  }

  @Test
  void labels_keep_what_the_grid_needs_and_no_more() {
    assertThat(SvgChart.label(3)).isEqualTo("3");
    assertThat(SvgChart.label(0.25)).isEqualTo("0.25");
    assertThat(SvgChart.label(0.5)).isEqualTo("0.5");
    assertThat(SvgChart.label(37.5)).isEqualTo("37.5");
    assertThat(SvgChart.label(33.333)).isEqualTo("33.3");
  }

  @Test
  void bars_draw_each_value_with_its_title_and_a_gap_draws_nothing() {
    String svg =
        new SvgChart("c", "deployments", List.of("11-02", "11-09", "11-16"))
            .series("staging", Arrays.asList(4.0, null, 2.0))
            .bars();

    assertThat(svg).startsWith("<svg id=\"c\"");
    assertThat(svg.split("<title>", -1)).hasSize(3); // two values, the gap has none
    assertThat(svg).contains("<title>staging, 11-02: 4</title>");
    assertThat(svg).contains("<title>staging, 11-16: 2</title>");
  }
}
