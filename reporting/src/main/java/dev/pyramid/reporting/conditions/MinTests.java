package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.LayerEvidence;

/** {@code min-tests}: at least N executed tests (passed, failed or errored) in a layer. */
final class MinTests extends TestCount {

  @Override
  public String key() {
    return "min-tests";
  }

  @Override
  public String summary() {
    return "executed tests of the layer (passed + failed + errored) >= N";
  }

  @Override
  public String example() {
    return "{ layer: unit, min-tests: 100 }";
  }

  @Override
  String op() {
    return ">=";
  }

  @Override
  Counted count(LayerEvidence layer, Evaluation evaluation) {
    return new Counted(layer.counts().executed(), "");
  }
}
