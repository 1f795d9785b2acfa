package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.LayerEvidence;

/**
 * {@code max-skipped}: at most N skipped tests in a layer (disabled, aborted by an assumption, or
 * left to do), so that disabling a test is not the way to a green build.
 */
final class MaxSkipped extends TestCount {

  @Override
  public String key() {
    return "max-skipped";
  }

  @Override
  public String summary() {
    return "skipped tests of the layer (disabled, assumption not met, todo) <= N";
  }

  @Override
  public String example() {
    return "{ layer: e2e, max-skipped: 0 }";
  }

  @Override
  String op() {
    return "<=";
  }

  @Override
  Counted count(LayerEvidence layer, Evaluation evaluation) {
    return new Counted(layer.counts().skipped(), "");
  }
}
