package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.LayerEvidence;

/** {@code max-flaky}: at most N tests of a layer that passed only on a rerun. */
final class MaxFlaky extends TestCount {

  @Override
  public String key() {
    return "max-flaky";
  }

  @Override
  public String summary() {
    return "tests of the layer that failed, then passed on a rerun <= N";
  }

  @Override
  public String example() {
    return "{ layer: e2e, max-flaky: 2 }";
  }

  @Override
  String op() {
    return "<=";
  }

  @Override
  Counted count(LayerEvidence layer, Evaluation evaluation) {
    return new Counted(layer.counts().flaky(), "");
  }
}
