package dev.pyramid.reporting.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small chart drawn as inline SVG: grouped bars or lines over the same categories (weeks), a y
 * axis from zero with four grid lines, a legend. No script and nothing fetched, so that the page
 * opens from a CI artifact or an Allure report as it is.
 */
final class SvgChart {

  private static final String[] COLOURS = {
    "#2f6fb0", "#e08a1e", "#3a9a5b", "#c0392b", "#7d5ba6", "#8c6d31"
  };
  private static final int WIDTH = 720;
  private static final int HEIGHT = 240;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 48;

  private final String id;
  private final String unit;
  private final List<String> categories;
  private final Map<String, List<Double>> series = new LinkedHashMap<>();

  /**
   * @param id the element id (what the page's check looks for)
   * @param unit what the y values are, shown on the axis
   * @param categories the x axis' labels, one per value of each series
   */
  SvgChart(String id, String unit, List<String> categories) {
    this.id = id;
    this.unit = unit;
    this.categories = List.copyOf(categories);
  }

  /** Adds a series; a null value is a gap (nothing was measured that week). */
  SvgChart series(String name, List<Double> values) {
    series.put(name, values);
    return this;
  }

  String bars() {
    return draw(true);
  }

  String lines() {
    return draw(false);
  }

  private String draw(boolean bars) {
    double max = 0;
    for (List<Double> values : series.values()) {
      for (Double value : values) {
        max = value == null ? max : Math.max(max, value);
      }
    }
    double top = niceCeiling(max);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"%s\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
            id,
            WIDTH,
            HEIGHT + 20 * ((series.size() + 3) / 4),
            Html.escape(unit)));
    for (int i = 0; i <= 4; i++) {
      double value = top * i / 4;
      double y = TOP + plotHeight - plotHeight * i / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>%n",
              LEFT,
              WIDTH - RIGHT,
              y,
              y,
              LEFT - 6,
              y + 4,
              label(value)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%d\" class=\"axis\" transform=\"rotate(-90 12 %d)\""
                + " text-anchor=\"middle\">%s</text>%n",
            TOP + plotHeight / 2,
            TOP + plotHeight / 2,
            Html.escape(unit)));
    double slot = categories.isEmpty() ? plotWidth : plotWidth / (double) categories.size();
    for (int c = 0; c < categories.size(); c++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>%n",
              LEFT + slot * c + slot / 2,
              TOP + plotHeight + 16,
              Html.escape(categories.get(c))));
    }
    int s = 0;
    for (Map.Entry<String, List<Double>> one : series.entrySet()) {
      String colour = COLOURS[s % COLOURS.length];
      List<Double> values = one.getValue();
      StringBuilder path = new StringBuilder();
      for (int c = 0; c < categories.size() && c < values.size(); c++) {
        Double value = values.get(c);
        if (value == null) {
          continue;
        }
        double height = top == 0 ? 0 : plotHeight * value / top;
        if (bars) {
          double width = slot * 0.8 / series.size();
          double x = LEFT + slot * c + slot * 0.1 + width * s;
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                      + "<title>%s, %s: %s</title></rect>%n",
                  x,
                  TOP + plotHeight - height,
                  width,
                  height,
                  colour,
                  Html.escape(one.getKey()),
                  Html.escape(categories.get(c)),
                  label(value)));
        } else {
          double x = LEFT + slot * c + slot / 2;
          double y = TOP + plotHeight - height;
          path.append(path.length() == 0 ? "M" : " L")
              .append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s, %s: %s</title>"
                      + "</circle>%n",
                  x,
                  y,
                  colour,
                  Html.escape(one.getKey()),
                  Html.escape(categories.get(c)),
                  label(value)));
        }
      }
      if (!bars && path.length() > 0) {
        svg.append(
            String.format(
                "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, colour));
      }
      int legendX = LEFT + (s % 4) * 165;
      int legendY = HEIGHT - 8 + 20 * (s / 4);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>%n",
              legendX,
              legendY - 10,
              colour,
              legendX + 16,
              legendY,
              Html.escape(one.getKey())));
      s++;
    }
    return svg.append("</svg>\n").toString();
  }

  /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code max} (1 for none). */
  static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * power >= max) {
        return step * power;
      }
    }
    return 10 * power;
  }

  /** 3, 2.5, 0.25, 33.3: whole numbers whole, else two decimals at most, trailing zeros dropped. */
  static String label(double value) {
    if (value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    String text = String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    return text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
