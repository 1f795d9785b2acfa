package dev.pyramid.framework.internal.endpoints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the exchanges the spec validation saw in this JVM, per layer, document, operation and
 * status class, and writes them per layer to {@code target/pyramid/endpoints/<layer>-<pid>.jsonl}
 * (the folder: system property {@value #DIR_PROPERTY}): evidence the gate reads for endpoint
 * coverage ({@code "pyramid": "endpoints"}, schema version {@value #SCHEMA_VERSION}).
 *
 * <p>A file of Pyramid's own, not Allure results: the gate counts Allure results only where a layer
 * lists them, as test results, and an exchange is not one; a file per layer and JVM (as flag
 * evaluations) is stamped, hashed and read by the same walk as every other evidence. JSON lines (a
 * header, then one line per operation and status class) so that the gate's errors name the line.
 *
 * <p>An exchange counts for the layer of the test running on its thread ({@link #enter}); sent from
 * another thread, for the one layer whose tests are running, if only one is; else it is not counted
 * and a warning says so. A layer's file is rewritten whole by a move when {@link #flush} finds it
 * changed, so the gate never reads half of one. Internal; thread-safe.
 */
public final class EndpointRecorder {
  /** The schema version the gate reads. */
  public static final int SCHEMA_VERSION = 1;

  /** The system property naming the folder the files go to. */
  public static final String DIR_PROPERTY = "pyramid.endpoints.dir";

  /** Distinct unmatched requests kept per layer and document; more are counted together. */
  static final int UNMATCHED_KEPT = 50;

  private static final Logger LOG = LoggerFactory.getLogger(EndpointRecorder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EndpointRecorder INSTANCE =
      new EndpointRecorder(Path.of(System.getProperty(DIR_PROPERTY, "target/pyramid/endpoints")));

  private final Path folder;
  private final ThreadLocal<String> threadLayer = new ThreadLocal<>();
  private final Map<String, Integer> running = new HashMap<>();
  private final Map<String, Map<Exchange, Integer>> counted = new TreeMap<>();
  private final Set<String> changed = new LinkedHashSet<>();
  private final Set<String> warned = new HashSet<>();
  private boolean hooked;

  EndpointRecorder(Path folder) {
    this.folder = folder;
  }

  /** The recorder of this JVM. */
  public static EndpointRecorder installed() {
    return INSTANCE;
  }

  /**
   * What one exchange exercised.
   *
   * @param operation {@code METHOD /template}; null when the request matched no operation
   * @param unmatched why it matched none ({@code no-path}, {@code no-method}); else null
   * @param request {@code METHOD /path} as sent, for an unmatched request; else null
   * @param status the status class, such as {@code 2xx}
   */
  public record Exchange(
      String service,
      String document,
      String operation,
      String unmatched,
      String request,
      String status) {}

  /**
   * The test or class running on this thread belongs to {@code layer} until {@link #exit}.
   *
   * @return the layer this thread had before, for {@link #exit}
   */
  public synchronized String enter(String layer) {
    String before = threadLayer.get();
    threadLayer.set(layer);
    running.merge(layer, 1, Integer::sum);
    return before;
  }

  /** The test or class of {@code layer} ended on this thread, which gets {@code before} back. */
  public synchronized void exit(String layer, String before) {
    threadLayer.set(before);
    running.computeIfPresent(layer, (l, n) -> n == 1 ? null : n - 1);
  }

  synchronized void record(Exchange exchange) {
    String layer = threadLayer.get();
    if (layer == null && running.size() == 1) {
      layer = running.keySet().iterator().next();
    }
    if (layer == null) {
      if (warned.add(exchange.service())) {
        LOG.warn(
            "An exchange with {} ({}) was validated outside a test of one layer (layers running: {});"
                + " endpoint coverage does not count it. Send requests from the test's own thread.",
            exchange.service(),
            exchange.operation() != null ? exchange.operation() : exchange.request(),
            running.keySet());
      }
      return;
    }
    Map<Exchange, Integer> layerCounts = counted.computeIfAbsent(layer, l -> new HashMap<>());
    Exchange key = exchange;
    if (exchange.unmatched() != null
        && !layerCounts.containsKey(exchange)
        && unmatchedOf(layerCounts, exchange.service()) >= UNMATCHED_KEPT) {
      key =
          new Exchange(
              exchange.service(),
              exchange.document(),
              null,
              exchange.unmatched(),
              "(more requests)",
              exchange.status());
    }
    layerCounts.merge(key, 1, Integer::sum);
    changed.add(layer);
    if (!hooked) {
      // The last test's afterEach flushes; this catches exchanges made after it.
      Runtime.getRuntime().addShutdownHook(new Thread(this::flush, "pyramid-endpoints-flush"));
      hooked = true;
    }
  }

  private static long unmatchedOf(Map<Exchange, Integer> counts, String service) {
    return counts.keySet().stream()
        .filter(e -> e.unmatched() != null && e.service().equals(service))
        .count();
  }

  /** Writes the file of every layer that recorded an exchange since the last flush. */
  public synchronized void flush() {
    for (String layer : changed) {
      write(layer, counted.get(layer));
    }
    changed.clear();
  }

  private void write(String layer, Map<Exchange, Integer> counts) {
    StringBuilder text = new StringBuilder();
    ObjectNode header = JSON.createObjectNode();
    header.put("pyramid", "endpoints");
    header.put("schemaVersion", SCHEMA_VERSION);
    header.put("layer", layer);
    line(text, header);
    Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<Exchange, Integer>comparingByKey(
                Comparator.comparing(Exchange::service)
                    .thenComparing(Exchange::document)
                    .thenComparing(Exchange::operation, nullsFirst)
                    .thenComparing(Exchange::request, nullsFirst)
                    .thenComparing(Exchange::status)))
        .forEach(entry -> line(text, exchange(entry.getKey(), entry.getValue())));
    Path file = folder.resolve(layer + "-" + ProcessHandle.current().pid() + ".jsonl");
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, "." + layer, ".partial");
      Files.writeString(partial, text, StandardCharsets.UTF_8);
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the endpoint coverage to " + file, e);
    }
  }

  private static ObjectNode exchange(Exchange exchange, int count) {
    ObjectNode line = JSON.createObjectNode();
    line.put("service", exchange.service());
    line.put("document", exchange.document());
    line.put("operation", exchange.operation());
    if (exchange.operation() == null) {
      line.put("unmatched", exchange.unmatched());
      line.put("request", exchange.request());
    }
    line.put("status", exchange.status());
    line.put("count", count);
    return line;
  }

  private static void line(StringBuilder text, ObjectNode node) {
    try {
      text.append(JSON.writeValueAsString(node)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a line of endpoint coverage", e);
    }
  }
}
