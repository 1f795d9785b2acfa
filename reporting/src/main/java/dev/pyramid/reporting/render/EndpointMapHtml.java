package dev.pyramid.reporting.render;

import dev.pyramid.reporting.results.EndpointMap;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.OperationUse;
import java.util.List;
import java.util.Optional;

/**
 * One service's endpoint map as a small HTML page, for the Allure report: per operation a row, per
 * layer a column with the answers its exchanges got; operations no layer exercised marked.
 * Self-contained (inline style): Allure shows it in a frame.
 */
final class EndpointMapHtml {

  private EndpointMapHtml() {}

  static String render(EndpointMap map, EndpointMap.Service service, List<Layer> layers) {
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
                + "body{font-family:sans-serif;font-size:13px}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;"
                + "text-align:left}.none{background:#fde2e2}.hit{background:#e3f6e3}"
                + ".odd{background:#fff3cd}</style></head><body>");
    html.append("<h3>").append(escape(service.name())).append("</h3><p>Document: <code>");
    html.append(escape(String.valueOf(service.document()))).append("</code><br>Coverage: ");
    for (Layer layer : layers) {
      html.append(escape(layer.id()))
          .append(' ')
          .append(EndpointMapText.ratio(map.coverage(layer, Optional.of(service.name()))))
          .append("; ");
    }
    html.append("</p><table><tr><th>operation</th>");
    layers.forEach(l -> html.append("<th>").append(escape(l.id())).append("</th>"));
    html.append("</tr>");
    rows(html, service.operations(), layers, "");
    rows(html, service.undocumented(), layers, " (not in the build's document)");
    rows(html, service.unmatched(), layers, " (matched no operation)");
    html.append("</table>");
    html.append(
        "<p>Cells: the answers each layer's exchanges got, by status class. Red: no layer exercised"
            + " the operation. Yellow: exchanges that count for no documented operation.</p>");
    return html.append("</body></html>").toString();
  }

  private static void rows(
      StringBuilder html, List<OperationUse> uses, List<Layer> layers, String note) {
    for (OperationUse use : uses) {
      String style = !note.isEmpty() ? "odd" : use.layers().isEmpty() ? "none" : "hit";
      html.append("<tr class=\"")
          .append(style)
          .append("\"><td><code>")
          .append(escape(use.operation()))
          .append("</code>")
          .append(use.deprecated() ? " (deprecated)" : "")
          .append(escape(note))
          .append(use.layers().isEmpty() ? " <b>none</b>" : "")
          .append("</td>");
      for (Layer layer : layers) {
        String statuses = use.statuses(layer);
        html.append("<td>").append(statuses.isEmpty() ? "-" : escape(statuses)).append("</td>");
      }
      html.append("</tr>");
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
