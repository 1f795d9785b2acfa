package dev.pyramid.reporting.render;

import dev.pyramid.reporting.results.EndpointMap;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.OperationUse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint map in decision.json ({@code endpoints}): per layer, operations exercised and
 * documented; per service, every operation with the answers each layer's exchanges got; the
 * operations no layer exercised. Written field by field, as the rest of decision.json.
 */
final class EndpointMapJson {

  private EndpointMapJson() {}

  static Map<String, Object> tree(EndpointMap map) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> layers = new LinkedHashMap<>();
    for (Layer layer : map.layers()) {
      EndpointMap.Coverage coverage = map.coverage(layer, Optional.empty());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("exercised", coverage.exercised());
      entry.put("documented", coverage.documented());
      entry.put("recorded", !map.layersWithoutExchanges().contains(layer));
      layers.put(layer.id(), entry);
    }
    root.put("layers", layers);
    root.put("notExercised", map.notExercised());
    root.put(
        "services",
        map.services().stream()
            .map(
                s -> {
                  Map<String, Object> service = new LinkedHashMap<>();
                  service.put("service", s.name());
                  service.put("document", s.documented() ? s.document().toString() : null);
                  service.put("operations", uses(s.operations()));
                  service.put("notInDocument", uses(s.undocumented()));
                  service.put("unmatched", uses(s.unmatched()));
                  return service;
                })
            .toList());
    return root;
  }

  private static List<Map<String, Object>> uses(List<OperationUse> uses) {
    return uses.stream()
        .map(
            use -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("operation", use.operation());
              if (!use.unmatched().isEmpty()) {
                entry.put("unmatched", use.unmatched());
              }
              if (use.deprecated()) {
                entry.put("deprecated", true);
              }
              Map<String, Object> byLayer = new LinkedHashMap<>();
              use.layers().forEach((layer, statuses) -> byLayer.put(layer.id(), statuses));
              entry.put("layers", byLayer);
              return entry;
            })
        .toList();
  }
}
