package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.PerfMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound on one figure of Gatling's statistics ({@code p95}, {@code p99}, {@code max}, {@code
 * error-pct}, {@code throughput}) for one request or the whole run: absolute, or relative to the
 * figure of the last build promoted to the stage ({@code "<=+10%"}). One class for the five
 * figures, which differ only in their name, unit and direction; each is its own kind in the table.
 *
 * <p>With no baseline yet, a relative condition's verdict is {@link Verdict#NO_BASELINE}: it does
 * not fail, and says so.
 */
final class PerformanceFigure implements ConditionKind {

  /** Gatling's name for the row of the whole run. */
  static final String ALL_REQUESTS = "All Requests";

  private static final Pattern RELATIVE = Pattern.compile("^(<=|>=)\\s*([+-]\\d+(?:\\.\\d+)?)%$");

  private final String key;
  private final String what;
  private final String unit;
  private final boolean higherIsBetter;
  private final String example;

  private PerformanceFigure(
      String key, String what, String unit, boolean higherIsBetter, String example) {
    this.key = key;
    this.what = what;
    this.unit = unit;
    this.higherIsBetter = higherIsBetter;
    this.example = example;
  }

  static PerformanceFigure p95() {
    return new PerformanceFigure(
        "p95", "95th percentile of response times", "ms", false, "{ p95: 800 }");
  }

  static PerformanceFigure p99() {
    return new PerformanceFigure(
        "p99", "99th percentile of response times", "ms", false, "{ p99: 1500 }");
  }

  static PerformanceFigure max() {
    return new PerformanceFigure("max", "longest response time", "ms", false, "{ max: 3000 }");
  }

  static PerformanceFigure errorPct() {
    return new PerformanceFigure("error-pct", "failed requests", "%", false, "{ error-pct: 1 }");
  }

  static PerformanceFigure throughput() {
    return new PerformanceFigure(
        "throughput", "requests per second", "requests/s", true, "{ throughput: \">=-10%\" }");
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public Scope scope() {
    return Scope.only(Layer.PERF);
  }

  @Override
  public Set<String> options() {
    return Set.of("request");
  }

  @Override
  public String summary() {
    return what
        + " ("
        + unit
        + ") of the request named by request: (default: the whole run, \""
        + ALL_REQUESTS
        + "\"), "
        + (higherIsBetter ? "at least" : "at most")
        + " N, or relative to the baseline such as \""
        + bound()
        + (higherIsBetter ? "-10%" : "+10%")
        + "\": the figure of the last build promoted to this stage";
  }

  @Override
  public String example() {
    return example;
  }

  @Override
  public Category category(Layer layer) {
    return Category.PERFORMANCE;
  }

  private String bound() {
    return higherIsBetter ? ">=" : "<=";
  }

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    value.option("request");
    if (value.node().isNumber()) {
      double number = value.node().asDouble();
      if (number < 0) {
        throw new InvalidConditionException("must be 0 or more, is " + value.node());
      }
      if (unit.equals("%") && number > 100) {
        throw new InvalidConditionException(
            "a percentage of failed requests is at most 100, is " + value.node());
      }
      return Threshold.absolute(bound(), number);
    }
    if (value.node().isTextual()) {
      Matcher relative = RELATIVE.matcher(value.node().asText().strip());
      if (relative.matches()) {
        if (!relative.group(1).equals(bound())) {
          throw new InvalidConditionException(
              key
                  + " is bounded with "
                  + bound()
                  + " ("
                  + (higherIsBetter ? "higher" : "lower")
                  + " is better), not "
                  + relative.group(1));
        }
        return new Threshold(bound(), Double.parseDouble(relative.group(2)), true);
      }
    }
    throw new InvalidConditionException(
        "must be a number (absolute, "
            + unit
            + (higherIsBetter ? " minimum" : " maximum")
            + ") or a change relative to the baseline such as \""
            + bound()
            + (higherIsBetter ? "-10%" : "+10%")
            + "\", is "
            + value.node());
  }

  @Override
  public String defaultId(Layer layer, Map<String, String> options) {
    String request = options.getOrDefault("request", ALL_REQUESTS);
    return layer.id() + "." + key + (request.equals(ALL_REQUESTS) ? "" : "[" + request + "]");
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(condition.layer());
    Threshold threshold = condition.threshold();
    Verdict availability = Evaluation.availability(layer);
    if (availability != Verdict.PASS) {
      return finding(condition, layer, "n/a", availability, "");
    }
    String request = condition.option("request").orElse(ALL_REQUESTS);
    Double actual = PerfMetrics.of(layer.requests()).getOrDefault(request, Map.of()).get(key);
    if (actual == null) {
      return finding(
          condition, layer, "no " + key + " for request \"" + request + "\"", Verdict.MISSING, "");
    }
    if (!threshold.relative()) {
      return finding(
          condition,
          layer,
          Numbers.format(actual),
          threshold.met(actual) ? Verdict.PASS : Verdict.FAIL,
          "");
    }
    Optional<Baseline> baseline = evaluation.baseline();
    Double base =
        baseline.map(b -> b.metrics().getOrDefault(request, Map.of()).get(key)).orElse(null);
    if (base == null) {
      String why =
          baseline.isEmpty()
              ? "no build promoted to this stage yet"
              : "build "
                  + baseline.get().buildId()
                  + " (the baseline) has no "
                  + key
                  + " for this request";
      return finding(
          condition,
          layer,
          Numbers.format(actual),
          Verdict.NO_BASELINE,
          "no baseline: " + why + "; the relative condition does not fail");
    }
    double limit = threshold.limit(base);
    return new Finding(
        threshold + " (" + threshold.op() + " " + Numbers.format(limit) + ")",
        Numbers.format(actual),
        threshold.met(actual, limit) ? Verdict.PASS : Verdict.FAIL,
        layer.sources(),
        "baseline " + Numbers.format(base) + " from build " + baseline.get().buildId());
  }

  private static Finding finding(
      Condition condition, LayerEvidence layer, String actual, Verdict verdict, String note) {
    return new Finding(condition.expected(), actual, verdict, layer.sources(), note);
  }
}
