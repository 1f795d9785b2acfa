package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Counts;
import dev.pyramid.reporting.results.Layer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code pyramid-shape}: executed tests narrow upwards, unit >= contract >= e2e. */
final class PyramidShape extends Holds {

  private static final List<Layer> COMPARED = List.of(Layer.UNIT, Layer.CONTRACT, Layer.E2E);

  @Override
  public String key() {
    return "pyramid-shape";
  }

  @Override
  public Scope scope() {
    return Scope.across(COMPARED);
  }

  @Override
  public String summary() {
    return "executed tests: unit >= contract >= e2e";
  }

  @Override
  public String example() {
    return "{ pyramid-shape: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.TEST_DEFECT;
  }

  @Override
  public String defaultId(Layer layer, Map<String, String> options) {
    return "shape." + key();
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    List<Path> files = new ArrayList<>();
    List<Verdict> availability = new ArrayList<>();
    for (Layer layer : COMPARED) {
      files.addAll(evaluation.of(layer).sources());
      availability.add(evaluation.availability(layer));
    }
    Counts unit = evaluation.of(Layer.UNIT).counts();
    Counts contract = evaluation.of(Layer.CONTRACT).counts();
    Counts e2e = evaluation.of(Layer.E2E).counts();
    String actual =
        "unit " + unit.executed() + ", contract " + contract.executed() + ", e2e " + e2e.executed();
    Verdict verdict =
        availability.contains(Verdict.UNREADABLE)
            ? Verdict.UNREADABLE
            : availability.contains(Verdict.MISSING)
                ? Verdict.MISSING
                : unit.executed() >= contract.executed() && contract.executed() >= e2e.executed()
                    ? Verdict.PASS
                    : Verdict.FAIL;
    return new Finding("unit >= contract >= e2e", actual, verdict, files, "");
  }
}
