package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;

/**
 * A bound on a number of test cases of one layer that runs tests (unit, contract, e2e): the shape
 * shared by {@code min-tests}, {@code max-failures}, {@code max-flaky} and {@code max-skipped}.
 * With no executed test the layer's evidence is missing, and so is the condition's.
 */
abstract class TestCount implements ConditionKind {

  /** What was counted, and why it differs from the plain number when it does. */
  record Counted(int count, String note) {}

  /** {@code >=} for a minimum, {@code <=} for a maximum. */
  abstract String op();

  /** The number the bound holds, from the layer's evidence. */
  abstract Counted count(LayerEvidence layer, Evaluation evaluation);

  @Override
  public Scope scope() {
    return Scope.testedLayer();
  }

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    return Threshold.absolute(op(), value.count());
  }

  @Override
  public Category category(Layer layer) {
    return Category.TEST_DEFECT;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(condition.layer());
    Counted counted = count(layer, evaluation);
    Verdict availability = Evaluation.availability(layer);
    String actual = availability == Verdict.UNREADABLE ? "n/a" : String.valueOf(counted.count());
    Verdict verdict =
        availability != Verdict.PASS
            ? availability
            : condition.threshold().met(counted.count()) ? Verdict.PASS : Verdict.FAIL;
    return new Finding(condition.expected(), actual, verdict, layer.sources(), counted.note());
  }
}
