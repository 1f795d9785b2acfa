package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code max-failures}: at most N failed or errored tests in a layer. A failure that a valid
 * quarantine entry covers does not count and is named in the note; once the entry expired it
 * counts, naming the owner.
 */
final class MaxFailures extends TestCount {

  @Override
  public String key() {
    return "max-failures";
  }

  @Override
  public String summary() {
    return "failed + errored tests of the layer <= N; a failure quarantined in quarantine.yml (valid entry) "
        + "does not count";
  }

  @Override
  public String example() {
    return "{ layer: unit, max-failures: 0 }";
  }

  @Override
  public Category category(Layer layer) {
    return layer == Layer.CONTRACT ? Category.CONTRACT : Category.PRODUCT_DEFECT;
  }

  @Override
  String op() {
    return "<=";
  }

  @Override
  Counted count(LayerEvidence layer, Evaluation evaluation) {
    int failures = layer.counts().failed() + layer.counts().errored();
    List<String> notes = new ArrayList<>();
    for (QuarantinedFailure q : evaluation.quarantined()) {
      if (q.layer() != layer.layer()) {
        continue;
      }
      if (q.expired()) {
        notes.add(
            q.testCase().id() + " quarantine EXPIRED " + q.expires() + ", owner " + q.owner());
      } else {
        failures--;
        notes.add(
            q.testCase().id() + " quarantined until " + q.expires() + " (owner " + q.owner() + ")");
      }
    }
    return new Counted(failures, String.join("; ", notes));
  }
}
