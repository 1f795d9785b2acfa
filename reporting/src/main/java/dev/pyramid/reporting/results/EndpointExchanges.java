package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The exchanges one test JVM's spec validation saw for one layer ({@code
 * target/pyramid/endpoints/<layer>-<pid>.jsonl}, written by the framework), counted per document,
 * operation and status class: which operations of the services' OpenAPI documents the layer's tests
 * exercised.
 *
 * @param exchanges one entry per line after the header, in file order
 */
public record EndpointExchanges(Path file, Layer layer, List<Exchanged> exchanges) {

  public EndpointExchanges {
    exchanges = List.copyOf(exchanges);
  }

  /**
   * Equal exchanges, counted.
   *
   * @param service the document's service: its file name without extension
   * @param document where the tests read the document from, e.g. {@code
   *     classpath:openapi/fleet-core.yaml}
   * @param operation {@code METHOD /path/template}; empty when the request matched no operation
   * @param unmatched why no operation matched ({@code no-path}, {@code no-method}); empty when one
   *     did
   * @param request {@code METHOD /path} as sent, for a request that matched no operation; else
   *     empty
   * @param status the status class of the answers, e.g. {@code 2xx}
   * @param line the line of the file it was read from
   */
  public record Exchanged(
      String service,
      String document,
      Optional<String> operation,
      String unmatched,
      String request,
      String status,
      int count,
      int line) {}
}
