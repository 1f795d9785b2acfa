package dev.pyramid.reporting.render;

import dev.pyramid.reporting.results.EndpointMap;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.OperationUse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The endpoint map as Allure results: one result per documented operation (suite {@code endpoint
 * coverage} of the gate, sub-suite the service), passed when a layer exercised it and skipped when
 * none did, so that the report lists the operations no test sent a request to; the layers' answers
 * as parameters; the service's whole map attached as an HTML table.
 *
 * <p>File names derive from the service and the operation, so a second run overwrites the first.
 */
final class EndpointMapResults {

  static final String SUITE = "endpoint coverage";

  private EndpointMapResults() {}

  static List<Path> write(EndpointMap map, Path directory, long time) throws IOException {
    List<Path> written = new ArrayList<>();
    List<Layer> layers = EndpointMapText.exercising(map);
    for (EndpointMap.Service service : map.services()) {
      if (!service.documented()) {
        continue;
      }
      String mapSource =
          UUID.nameUUIDFromBytes(
                  ("pyramid.endpoints." + service.name()).getBytes(StandardCharsets.UTF_8))
              + "-attachment.html";
      Files.writeString(
          directory.resolve(mapSource),
          EndpointMapHtml.render(map, service, layers),
          StandardCharsets.UTF_8);
      Map<String, String> attachment =
          AllureResults.attachment("endpoint map: " + service.name(), mapSource, "text/html");
      for (OperationUse use : service.operations()) {
        written.add(
            AllureResults.writeResult(
                directory, result(map, service, use, layers, attachment, time)));
      }
    }
    return written;
  }

  private static Map<String, Object> result(
      EndpointMap map,
      EndpointMap.Service service,
      OperationUse use,
      List<Layer> layers,
      Map<String, String> attachment,
      long time) {
    boolean exercised = !use.layers().isEmpty();
    String by =
        use.layers().keySet().stream()
            .map(l -> l.id() + " (" + use.statuses(l) + ")")
            .collect(Collectors.joining(", "));
    Map<String, Object> result =
        AllureResults.result(
            "pyramid.endpoints." + service.name() + "." + use.operation(),
            use.operation() + (use.deprecated() ? " (deprecated)" : ""),
            exercised ? "passed" : "skipped",
            time);
    result.put(
        "statusDetails",
        Map.of(
            "message",
            exercised
                ? "exercised by " + by
                : "no layer's tests sent a request to this operation (layers that recorded"
                    + " exchanges: "
                    + layers.stream().map(Layer::id).collect(Collectors.joining(", "))
                    + ")"));
    result.put(
        "description",
        "Operation "
            + use.operation()
            + " of "
            + service.name()
            + "'s OpenAPI document ("
            + service.document()
            + "), as the layers' spec validation recorded their exchanges. Coverage of the"
            + " document: "
            + layers.stream()
                .map(
                    l ->
                        l.id()
                            + " "
                            + EndpointMapText.ratio(map.coverage(l, Optional.of(service.name()))))
                .collect(Collectors.joining(", "))
            + ".");
    result.put(
        "labels",
        List.of(
            AllureResults.label("layer", "gate"),
            AllureResults.label("parentSuite", "gate"),
            AllureResults.label("suite", SUITE),
            AllureResults.label("subSuite", service.name()),
            AllureResults.label("epic", "gate"),
            AllureResults.label("feature", SUITE),
            AllureResults.label("story", service.name())));
    result.put("attachments", List.of(attachment));
    result.put(
        "parameters",
        layers.stream()
            .map(
                l ->
                    AllureResults.parameter(
                        l.id(), use.statuses(l).isEmpty() ? "-" : use.statuses(l)))
            .toList());
    return result;
  }
}
