package dev.pyramid.reporting.results;

import dev.pyramid.reporting.apidiff.ApiDocument;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The quality strategist's map of endpoint coverage: per service's OpenAPI document, per operation,
 * which layers' tests exercised it (by status class), and the operations none did; put together
 * from the documents the gate read (every layer's {@code sources.<layer>.openapi}) and the
 * exchanges the layers' spec validation recorded ({@code sources.<layer>.endpoints}). A service is
 * its document's file name, as {@code api-compatible} names it.
 *
 * <p>Only an operation of the build's document counts: an exchange recorded for an operation the
 * document lacks (the tests validated against another version of it) is listed apart, as is a
 * request that matched no operation, and a service whose document the gate did not read.
 *
 * @param layers the layers whose exchanges the map shows, in layer order
 * @param services one entry per service, those with a document first, in the order read
 */
public record EndpointMap(List<Layer> layers, List<Service> services) {

  public EndpointMap {
    layers = List.copyOf(layers);
    services = List.copyOf(services);
  }

  /** The map of the exchanges {@code layers} recorded (perf records none) against the documents. */
  public static EndpointMap of(Evidence evidence, List<Layer> layers) {
    Map<String, Service.Builder> services = new LinkedHashMap<>();
    for (Layer layer : Layer.values()) {
      for (ApiDocument document : evidence.of(layer).apiDocuments()) {
        services.computeIfAbsent(serviceOf(document), name -> new Service.Builder(name, document));
      }
    }
    List<Layer> shown = layers.stream().filter(l -> l != Layer.PERF).sorted().toList();
    for (Layer layer : shown) {
      for (EndpointExchanges file : evidence.of(layer).endpointExchanges()) {
        for (EndpointExchanges.Exchanged exchanged : file.exchanges()) {
          services
              .computeIfAbsent(exchanged.service(), name -> new Service.Builder(name, null))
              .add(layer, exchanged);
        }
      }
    }
    List<Service> built = new ArrayList<>();
    services.values().stream().filter(s -> s.document != null).forEach(s -> built.add(s.build()));
    services.values().stream().filter(s -> s.document == null).forEach(s -> built.add(s.build()));
    return new EndpointMap(shown, built);
  }

  /** True when there is neither a document nor a recorded exchange to show. */
  public boolean isEmpty() {
    return services.isEmpty();
  }

  /** The layers of the map that recorded no exchange at all. */
  public List<Layer> layersWithoutExchanges() {
    return layers.stream().filter(l -> services.stream().noneMatch(s -> s.exercisedBy(l))).toList();
  }

  /**
   * Operations {@code layer} exercised, of those documented: every service's, or {@code service}'s
   * only.
   */
  public Coverage coverage(Layer layer, Optional<String> service) {
    int exercised = 0;
    int documented = 0;
    for (Service s : services) {
      if (s.documented() && service.map(s.name()::equals).orElse(true)) {
        documented += s.operations().size();
        exercised += (int) s.operations().stream().filter(o -> o.exercisedBy(layer)).count();
      }
    }
    return new Coverage(exercised, documented);
  }

  /** Every documented operation no layer of the map exercised: {@code service METHOD /path}. */
  public List<String> notExercised() {
    List<String> none = new ArrayList<>();
    for (Service s : services) {
      s.operations().stream()
          .filter(o -> o.layers().isEmpty())
          .forEach(o -> none.add(s.name() + " " + o.operation()));
    }
    return none;
  }

  /** Operations exercised of operations documented. */
  public record Coverage(int exercised, int documented) {
    /** The percentage; NaN when nothing is documented. */
    public double percent() {
      return documented == 0 ? Double.NaN : 100.0 * exercised / documented;
    }
  }

  /**
   * One service.
   *
   * @param document the document the gate read; null when it read none for this service
   * @param operations the document's operations in its order (or, without a document, those
   *     recorded)
   * @param undocumented operations exchanges were recorded for that the document lacks
   * @param unmatched requests that matched no operation of the document the tests used
   */
  public record Service(
      String name,
      Path document,
      List<OperationUse> operations,
      List<OperationUse> undocumented,
      List<OperationUse> unmatched) {

    /** True when the gate read this service's document. */
    public boolean documented() {
      return document != null;
    }

    boolean exercisedBy(Layer layer) {
      return operations.stream().anyMatch(o -> o.exercisedBy(layer))
          || undocumented.stream().anyMatch(o -> o.exercisedBy(layer))
          || unmatched.stream().anyMatch(o -> o.exercisedBy(layer));
    }

    private static final class Builder {
      private final String name;
      private final Path document;
      private final Map<String, OperationUse.Builder> operations = new LinkedHashMap<>();
      private final Map<String, OperationUse.Builder> undocumented = new TreeMap<>();
      private final Map<String, OperationUse.Builder> unmatched = new TreeMap<>();

      Builder(String name, ApiDocument document) {
        this.name = name;
        this.document = document == null ? null : Path.of(document.source());
        if (document != null && document.api().getPaths() != null) {
          document
              .api()
              .getPaths()
              .forEach(
                  (path, item) ->
                      item.readOperationsMap()
                          .forEach((method, op) -> add(operations, method, path, op)));
        }
      }

      private static void add(
          Map<String, OperationUse.Builder> into,
          PathItem.HttpMethod method,
          String path,
          Operation op) {
        String key = method.name() + " " + path;
        into.put(key, new OperationUse.Builder(key, "", Boolean.TRUE.equals(op.getDeprecated())));
      }

      void add(Layer layer, EndpointExchanges.Exchanged exchanged) {
        OperationUse.Builder row;
        if (exchanged.operation().isEmpty()) {
          row =
              unmatched.computeIfAbsent(
                  exchanged.request() + " " + exchanged.unmatched(),
                  k -> new OperationUse.Builder(exchanged.request(), exchanged.unmatched(), false));
        } else if (operations.containsKey(exchanged.operation().get()) || document == null) {
          row =
              operations.computeIfAbsent(
                  exchanged.operation().get(), k -> new OperationUse.Builder(k, "", false));
        } else {
          row =
              undocumented.computeIfAbsent(
                  exchanged.operation().get(), k -> new OperationUse.Builder(k, "", false));
        }
        row.add(layer, exchanged.status(), exchanged.count());
      }

      Service build() {
        return new Service(
            name,
            document,
            operations.values().stream().map(OperationUse.Builder::build).toList(),
            undocumented.values().stream().map(OperationUse.Builder::build).toList(),
            unmatched.values().stream().map(OperationUse.Builder::build).toList());
      }
    }
  }

  /** A service is named by its document's file name, without the extension. */
  private static String serviceOf(ApiDocument document) {
    String name = Path.of(document.source()).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
