package dev.pyramid.reporting.render;

import dev.pyramid.reporting.results.EndpointMap;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.OperationUse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders the endpoint map: a few lines for the console (coverage per layer and service, the
 * operations no layer exercised) and a section of decision.md (the map itself: per service, per
 * operation, what each layer's exchanges answered).
 */
final class EndpointMapText {

  private EndpointMapText() {}

  /** The console's lines; empty when the map is. */
  static String console(EndpointMap map) {
    if (map.isEmpty()) {
      return "";
    }
    List<Layer> layers = exercising(map);
    StringBuilder out =
        new StringBuilder("\nendpoint coverage (operations exercised / documented):");
    for (Layer layer : layers) {
      out.append("  ")
          .append(layer.id())
          .append(' ')
          .append(ratio(map.coverage(layer, Optional.empty())));
    }
    out.append('\n');
    for (EndpointMap.Service service : map.services()) {
      out.append("  ").append(service.name());
      if (!service.documented()) {
        out.append(": exchanges recorded, but no OpenAPI document read (not counted)\n");
        continue;
      }
      out.append(
          layers.stream()
              .map(l -> l.id() + " " + ratio(map.coverage(l, Optional.of(service.name()))))
              .collect(Collectors.joining(", ", ": ", "")));
      out.append(unmatched(service).isEmpty() ? "" : "; " + unmatched(service)).append('\n');
    }
    List<Layer> silent = map.layersWithoutExchanges();
    if (!silent.isEmpty()) {
      out.append("  no exchanges recorded by: ").append(ids(silent)).append('\n');
    }
    List<String> none = map.notExercised();
    if (!none.isEmpty()) {
      out.append("  not exercised by any layer (")
          .append(none.size())
          .append("): ")
          .append(String.join(", ", none))
          .append('\n');
    }
    return out.toString();
  }

  /** The section of decision.md; empty when the map is. */
  static String markdown(EndpointMap map) {
    if (map.isEmpty()) {
      return "";
    }
    List<Layer> layers = exercising(map);
    StringBuilder md =
        new StringBuilder("\n**Endpoint coverage**: the operations of the services'");
    md.append(" OpenAPI documents that each layer's tests exercised, as their spec validation")
        .append(
            " recorded the exchanges (answers by status class).\n\n| layer | operations exercised |\n")
        .append("| --- | ---: |\n");
    for (Layer layer : layers) {
      md.append("| ")
          .append(layer.id())
          .append(" | ")
          .append(ratio(map.coverage(layer, Optional.empty())))
          .append(" |\n");
    }
    List<Layer> silent = map.layersWithoutExchanges();
    if (!silent.isEmpty()) {
      md.append("\nNo exchanges recorded by: ").append(ids(silent)).append(".\n");
    }
    List<String> none = map.notExercised();
    md.append("\nNot exercised by any layer: ")
        .append(
            none.isEmpty()
                ? "none"
                : none.stream().map(o -> "`" + o + "`").collect(Collectors.joining(", ")))
        .append(".\n");
    for (EndpointMap.Service service : map.services()) {
      md.append("\n<details><summary><code>")
          .append(service.name())
          .append("</code>: ")
          .append(
              service.documented()
                  ? layers.stream()
                      .map(l -> l.id() + " " + ratio(map.coverage(l, Optional.of(service.name()))))
                      .collect(Collectors.joining(", "))
                  : "no OpenAPI document read, not counted")
          .append("</summary>\n\n");
      if (service.documented()) {
        md.append("Document: `").append(service.document()).append("`\n\n");
      }
      md.append("| operation |");
      layers.forEach(l -> md.append(' ').append(l.id()).append(" |"));
      md.append("\n| --- |");
      layers.forEach(l -> md.append(" --- |"));
      md.append('\n');
      rows(md, service.operations(), layers, "");
      rows(md, service.undocumented(), layers, " (not in the build's document)");
      rows(md, service.unmatched(), layers, " (matched no operation)");
      md.append("\n</details>\n");
    }
    return md.toString();
  }

  private static void rows(
      StringBuilder md, List<OperationUse> uses, List<Layer> layers, String note) {
    for (OperationUse use : uses) {
      boolean none = use.layers().isEmpty();
      md.append("| `")
          .append(use.operation())
          .append('`')
          .append(use.deprecated() ? " (deprecated)" : "")
          .append(note)
          .append(none ? " **none**" : "")
          .append(" |");
      for (Layer layer : layers) {
        String statuses = use.statuses(layer);
        md.append(' ').append(statuses.isEmpty() ? "-" : statuses).append(" |");
      }
      md.append('\n');
    }
  }

  /** The layers of the map that recorded exchanges: its columns. */
  static List<Layer> exercising(EndpointMap map) {
    List<Layer> silent = map.layersWithoutExchanges();
    return map.layers().stream().filter(l -> !silent.contains(l)).toList();
  }

  /** {@code 5/18 (27.8%)}. */
  static String ratio(EndpointMap.Coverage coverage) {
    return coverage.exercised()
        + "/"
        + coverage.documented()
        + (coverage.documented() == 0
            ? ""
            : String.format(Locale.ROOT, " (%.1f%%)", coverage.percent()));
  }

  private static String unmatched(EndpointMap.Service service) {
    int requests = service.unmatched().size();
    int undocumented = service.undocumented().size();
    return (requests == 0 ? "" : requests + " request(s) matched no operation")
        + (requests > 0 && undocumented > 0 ? ", " : "")
        + (undocumented == 0 ? "" : undocumented + " recorded operation(s) not in the document");
  }

  private static String ids(List<Layer> layers) {
    return layers.stream().map(Layer::id).collect(Collectors.joining(", "));
  }
}
