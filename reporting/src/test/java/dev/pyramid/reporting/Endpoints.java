package dev.pyramid.reporting;

import dev.pyramid.reporting.apidiff.ApiDocument;
import dev.pyramid.reporting.apidiff.ApiDocumentReader;
import dev.pyramid.reporting.apidiff.UnreadableApiDocumentException;
import dev.pyramid.reporting.results.EndpointExchanges;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.TestCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoint coverage evidence built in memory: services' OpenAPI documents (the contract layer's, as
 * the gate reads them by default) and each layer's recorded exchanges, written as {@code
 * "fleet-core GET /v1/rides/{id} 2xx 3"} or, for a request that matched no operation, {@code
 * "fleet-core ! GET /v9/rides no-path 4xx 1"}. Each layer with exchanges also gets one passing
 * test.
 */
public final class Endpoints {

  private final List<ApiDocument> documents = new ArrayList<>();
  private final Map<Layer, List<EndpointExchanges.Exchanged>> exchanges =
      new EnumMap<>(Layer.class);

  /** A document of {@code service} with {@code operations}, such as {@code "GET /health"}. */
  public Endpoints document(String service, String... operations) {
    StringBuilder yaml =
        new StringBuilder("openapi: 3.0.3\ninfo: { title: " + service + ", version: \"1\" }\n");
    yaml.append("paths:\n");
    Map<String, List<String>> byPath = new java.util.LinkedHashMap<>();
    for (String operation : operations) {
      String[] parts = operation.split(" ", 2);
      byPath.computeIfAbsent(parts[1], p -> new ArrayList<>()).add(parts[0].toLowerCase());
    }
    byPath.forEach(
        (path, methods) -> {
          yaml.append("  ").append(path).append(":\n");
          methods.forEach(
              m ->
                  yaml.append("    ")
                      .append(m)
                      .append(": { responses: { \"200\": { description: ok } } }\n"));
        });
    try {
      documents.add(
          ApiDocumentReader.read(
              Path.of("platform", service, "target/classes/openapi", service + ".yaml"),
              yaml.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (UnreadableApiDocumentException e) {
      throw new IllegalArgumentException(yaml.toString(), e);
    }
    return this;
  }

  /** Exchanges {@code layer} recorded, one per entry (see the class comment). */
  public Endpoints recorded(Layer layer, String... entries) {
    List<EndpointExchanges.Exchanged> into =
        exchanges.computeIfAbsent(layer, l -> new ArrayList<>());
    for (String entry : entries) {
      String[] p = entry.split(" ");
      String document = "classpath:openapi/" + p[0] + ".yaml";
      if (p[1].equals("!")) {
        into.add(
            new EndpointExchanges.Exchanged(
                p[0],
                document,
                Optional.empty(),
                p[4],
                p[2] + " " + p[3],
                p[5],
                Integer.parseInt(p[6]),
                into.size() + 2));
      } else {
        into.add(
            new EndpointExchanges.Exchanged(
                p[0],
                document,
                Optional.of(p[1] + " " + p[2]),
                "",
                "",
                p[3],
                Integer.parseInt(p[4]),
                into.size() + 2));
      }
    }
    return this;
  }

  /** The evidence: the documents in the contract layer, each layer's exchanges in one file. */
  public Evidence evidence() {
    Map<Layer, LayerEvidence> layers = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      LayerEvidence.Builder builder = new LayerEvidence.Builder(layer);
      if (layer == Layer.CONTRACT) {
        builder.addApiDocuments(documents);
      }
      List<EndpointExchanges.Exchanged> recorded = exchanges.get(layer);
      if (recorded != null) {
        Path file =
            Path.of(layer.id() + "-tests/target/pyramid/endpoints/" + layer.id() + "-1.jsonl");
        builder
            .addSources(List.of(file))
            .addEndpointExchanges(List.of(new EndpointExchanges(file, layer, recorded)))
            .addTestCases(
                List.of(
                    new TestCase(
                        "in.memory.Tests",
                        "passes",
                        0.01,
                        TestCase.Status.PASSED,
                        "",
                        file,
                        false)));
      }
      layers.put(layer, builder.build());
    }
    return new Evidence(List.of(InMemory.ROOT), layers);
  }
}
