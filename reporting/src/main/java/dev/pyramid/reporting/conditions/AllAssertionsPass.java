package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.PerfAssertion;
import java.util.List;
import java.util.stream.Collectors;

/** {@code all-assertions-pass}: every Gatling assertion of the perf layer's runs is OK. */
final class AllAssertionsPass extends Holds {

  @Override
  public String key() {
    return "all-assertions-pass";
  }

  @Override
  public Scope scope() {
    return Scope.only(Layer.PERF);
  }

  @Override
  public String summary() {
    return "every Gatling assertion of the runs is OK";
  }

  @Override
  public String example() {
    return "{ all-assertions-pass: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.PERFORMANCE;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(condition.layer());
    List<PerfAssertion> assertions = layer.assertions();
    long failed = assertions.stream().filter(a -> !a.passed()).count();
    Verdict availability = Evaluation.availability(layer);
    Verdict verdict =
        availability != Verdict.PASS
            ? availability
            : assertions.isEmpty() ? Verdict.MISSING : failed == 0 ? Verdict.PASS : Verdict.FAIL;
    String actual =
        assertions.isEmpty()
            ? "no Gatling assertion"
            : (assertions.size() - failed) + "/" + assertions.size() + " OK";
    String note =
        assertions.stream()
            .filter(a -> !a.passed())
            .map(PerfAssertion::description)
            .collect(Collectors.joining("; "));
    return new Finding("all OK", actual, verdict, layer.sources(), note);
  }
}
