package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code pyramid-shape}: executed tests narrow upwards, unit >= contract >= e2e >= ui, over the
 * layers of those the stage requires (a stage without ui compares unit, contract and e2e).
 */
final class PyramidShape extends Holds {

  private static final List<Layer> ORDER = List.of(Layer.UNIT, Layer.CONTRACT, Layer.E2E, Layer.UI);

  @Override
  public String key() {
    return "pyramid-shape";
  }

  @Override
  public Scope scope() {
    return Scope.acrossRequired(ORDER);
  }

  @Override
  public String summary() {
    return "executed tests: unit >= contract >= e2e >= ui, of the layers the stage requires";
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
    List<Layer> compared = scope().read(evaluation.required());
    List<Path> files = new ArrayList<>();
    List<Verdict> availability = new ArrayList<>();
    for (Layer layer : compared) {
      files.addAll(evaluation.of(layer).sources());
      availability.add(evaluation.availability(layer));
    }
    boolean narrows = true;
    for (int i = 1; i < compared.size(); i++) {
      narrows &=
          evaluation.of(compared.get(i - 1)).counts().executed()
              >= evaluation.of(compared.get(i)).counts().executed();
    }
    String actual =
        compared.stream()
            .map(layer -> layer.id() + " " + evaluation.of(layer).counts().executed())
            .collect(Collectors.joining(", "));
    Verdict verdict =
        availability.contains(Verdict.UNREADABLE)
            ? Verdict.UNREADABLE
            : availability.contains(Verdict.MISSING)
                ? Verdict.MISSING
                : narrows ? Verdict.PASS : Verdict.FAIL;
    String expected = compared.stream().map(Layer::id).collect(Collectors.joining(" >= "));
    return new Finding(expected, actual, verdict, files, "");
  }
}
