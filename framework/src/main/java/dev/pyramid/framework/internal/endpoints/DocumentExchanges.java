package dev.pyramid.framework.internal.endpoints;

import com.atlassian.oai.validator.model.Request;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The exchanges validated against one OpenAPI document: each matched to the document's operation
 * ({@link OperationMatcher}) and recorded for the layer of the test that sent it. A request that
 * matches no operation is recorded as such, with its method and path: it is a spec mismatch (or a
 * negative test's request), and coverage must show it rather than drop it. Internal; thread-safe.
 *
 * @param service the service the document describes: its file name without extension, as the gate
 *     names services ({@code classpath:openapi/fleet-core.yaml} is {@code fleet-core})
 * @param document where the document was read from, as failure messages name it
 * @param operations the document's operations, parsed once with its validator
 */
public record DocumentExchanges(
    String service,
    String document,
    Supplier<OperationMatcher> operations,
    EndpointRecorder recorder)
    implements ExchangeLog {

  public DocumentExchanges {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(recorder, "recorder");
  }

  /** The exchanges with the document at {@code location}, named after its file. */
  public static DocumentExchanges of(
      String location, Supplier<OperationMatcher> operations, EndpointRecorder recorder) {
    return new DocumentExchanges(serviceOf(location), location, operations, recorder);
  }

  @Override
  public void exchanged(Request.Method method, String path, int status) {
    OperationMatcher.Match match = operations.get().match(method, path);
    recorder.record(
        new EndpointRecorder.Exchange(
            service,
            document,
            match.operation(),
            match.unmatched(),
            match.matched() ? null : method.name() + " " + path,
            status / 100 + "xx"));
  }

  /** {@code classpath:openapi/fleet-core.yaml}, {@code file:/x/fleet-core.json}: fleet-core. */
  static String serviceOf(String location) {
    String path = location;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
