package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Coverage;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A minimum percentage of JaCoCo coverage, the layer's reports summed: line or branch. */
abstract class CoverageKind implements ConditionKind {

  /** The percentage this kind bounds, NaN when there is nothing to cover. */
  abstract double percent(Coverage coverage);

  @Override
  public Scope scope() {
    return Scope.defaultsTo(Layer.UNIT);
  }

  @Override
  public Category category(Layer layer) {
    return Category.TEST_DEFECT;
  }

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    return Threshold.absolute(">=", value.percent());
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(condition.layer());
    List<Path> files = layer.coverage().stream().map(Coverage::source).toList();
    String expected = condition.expected();
    if (Evaluation.availability(layer) == Verdict.UNREADABLE) {
      return new Finding(expected, "n/a", Verdict.UNREADABLE, files, "");
    }
    Optional<Coverage> sum = layer.coverage().stream().reduce(Coverage::plus);
    if (sum.isEmpty()) {
      return new Finding(expected, "no JaCoCo report", Verdict.MISSING, files, "");
    }
    double percent = percent(sum.get());
    if (Double.isNaN(percent)) {
      return new Finding(expected, "nothing to cover", Verdict.MISSING, files, "");
    }
    boolean met = condition.threshold().met(percent);
    return new Finding(
        expected + "%",
        Numbers.format(percent) + "%",
        met ? Verdict.PASS : Verdict.FAIL,
        files,
        "");
  }
}
