package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.EndpointMap;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code min-endpoint-coverage}: of the operations the services' OpenAPI documents describe, the
 * percentage a layer's tests exercised, as the layer's spec validation recorded its exchanges
 * ({@link EndpointMap}); with the option {@code service}, of that service's document only.
 *
 * <p>An operation counts when any exchange matched it, whatever the answer: the map shows the
 * status classes, the condition the breadth. The operations the layer left out are named. No
 * recorded exchange in the layer, or no document, is missing evidence, never 0 % nor a pass.
 */
final class EndpointCoverage implements ConditionKind {

  static final String SERVICE = "service";

  @Override
  public String key() {
    return "min-endpoint-coverage";
  }

  @Override
  public Scope scope() {
    return Scope.testedLayer();
  }

  @Override
  public Set<String> options() {
    return Set.of(SERVICE);
  }

  @Override
  public String summary() {
    return "operations of the services' OpenAPI documents (sources.<layer>.openapi) the layer's"
        + " tests exercised, as its spec validation recorded them (sources.<layer>.endpoints),"
        + " >= P % of those documented; the option service: NAME counts that document only";
  }

  @Override
  public String example() {
    return "{ layer: contract, min-endpoint-coverage: 60 }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.TEST_DEFECT;
  }

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    if (value.node().isTextual() && value.node().asText().trim().endsWith("%")) {
      throw new InvalidConditionException(
          "must be a number from 0 to 100, is string \""
              + value.node().asText()
              + "\": write the percentage without % (e.g. min-endpoint-coverage: 60)");
    }
    value.option(SERVICE);
    return Threshold.absolute(">=", value.percent());
  }

  @Override
  public String defaultId(Layer layer, Map<String, String> options) {
    String service = options.get(SERVICE);
    return layer.id() + "." + key() + (service == null ? "" : "[" + service + "]");
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    Layer layer = condition.layer();
    LayerEvidence evidence = evaluation.of(layer);
    Optional<String> service = condition.option(SERVICE);
    String expected = condition.expected() + "%";
    List<Path> files = new ArrayList<>();
    evidence.endpointExchanges().forEach(f -> files.add(f.file()));
    if (!evidence.problems().isEmpty()) {
      return new Finding(expected, "n/a", Evaluation.availability(evidence), files, "");
    }
    EndpointMap map = EndpointMap.of(evaluation.evidence(), List.of(layer));
    map.services().stream()
        .filter(EndpointMap.Service::documented)
        .forEach(s -> files.add(s.document()));
    if (evidence.endpointExchanges().isEmpty()) {
      return new Finding(
          expected,
          "no exchanges",
          Verdict.MISSING,
          files,
          "no endpoint coverage recorded by the "
              + layer.id()
              + " layer (sources."
              + layer.id()
              + ".endpoints): do its tests send requests through ApiSpecs with the service's"
              + " OpenAPI document?");
    }
    EndpointMap.Coverage coverage = map.coverage(layer, service);
    if (coverage.documented() == 0) {
      List<String> documented =
          map.services().stream()
              .filter(EndpointMap.Service::documented)
              .map(EndpointMap.Service::name)
              .toList();
      return new Finding(
          expected,
          "no operations",
          Verdict.MISSING,
          files,
          service
                  .map(s -> "no OpenAPI document of service " + s + " was read; documents read: ")
                  .orElse(
                      "no OpenAPI document was read (sources.<layer>.openapi); documents read: ")
              + documented);
    }
    List<String> left = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (EndpointMap.Service s : map.services()) {
      if (service.isPresent() && !service.get().equals(s.name())) {
        continue;
      }
      s.operations().stream()
          .filter(o -> s.documented() && !o.exercisedBy(layer))
          .forEach(o -> left.add(s.name() + " " + o.operation()));
      if (!s.documented()) {
        notes.add(s.name() + ": exchanges recorded, but no document read (not counted)");
      }
      if (!s.unmatched().isEmpty()) {
        notes.add(s.name() + ": " + s.unmatched().size() + " request(s) matched no operation");
      }
      if (!s.undocumented().isEmpty()) {
        notes.add(
            s.name()
                + ": "
                + s.undocumented().size()
                + " operation(s) recorded that the build's document lacks (not counted)");
      }
    }
    double percent = coverage.percent();
    boolean met = condition.threshold().met(percent);
    String actual =
        Numbers.format(percent)
            + "% ("
            + coverage.exercised()
            + " of "
            + coverage.documented()
            + " operations)";
    String note =
        (left.isEmpty() ? "" : left.size() + " operation(s) not exercised by the layer, listed")
            + (notes.isEmpty() ? "" : (left.isEmpty() ? "" : "; ") + String.join("; ", notes));
    return new Finding(expected, actual, met ? Verdict.PASS : Verdict.FAIL, files, note, left);
  }
}
