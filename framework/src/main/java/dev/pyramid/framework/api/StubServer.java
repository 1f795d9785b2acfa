package dev.pyramid.framework.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.NearMiss;
import dev.pyramid.framework.internal.stubs.MappingFiles;
import dev.pyramid.framework.internal.stubs.UnmatchedReport;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WireMock server standing in for a third-party HTTP API, bound to {@code 127.0.0.1} on a free
 * port.
 *
 * <p>In JUnit, annotate the class with {@link WithStubServer} and ask for a {@code StubServer}
 * parameter; elsewhere, {@link #start()} one and close it. Stubs come from code, in WireMock's own
 * DSL, or from WireMock mapping files on the classpath:
 *
 * <pre>{@code
 * routing.stubFor(get(urlPathEqualTo("/v1/eta")).willReturn(okJson("{\"etaSeconds\":240}")));
 * routing.loadMappings("stubs/routing");   // src/test/resources/stubs/routing/**.json
 * }</pre>
 *
 * <p><b>Tests share one server, each with its own view.</b> The parameter a test receives is a view
 * of the JVM's server that remembers the stubs this test added and removes them after the test
 * ({@link #reset()} on a view does the same at once); its {@link #unmatchedRequests()} are those
 * received since the test started. The server itself is never reset between tests, so tests may run
 * concurrently. Two concurrent tests that stub the same request must tell their requests apart (by
 * a path, query or body value of their own): WireMock answers with the most recently added matching
 * stub, whoever added it. Stubs with a priority number higher than 5 (such as the baseline files of
 * {@value #FILES_KEY}) only answer when no test's stub matches. Thread-safe.
 */
public final class StubServer implements AutoCloseable {
  /**
   * Configuration key: comma-separated classpath folders of WireMock mapping files loaded once when
   * the shared server starts and kept for the whole run (a baseline every test sees).
   */
  public static final String FILES_KEY = "pyramid.stubs.files";

  private static final Logger LOG = LoggerFactory.getLogger(StubServer.class);
  private static final Namespace NAMESPACE = Namespace.create(StubServer.class);
  // Enough for any one test's report; bounded so a long run does not hold every request forever.
  private static final int JOURNAL_ENTRIES = 20_000;

  private final WireMockServer server;

  /** The stubs this view added; {@code null} for the server itself. */
  private final Set<UUID> owned;

  private final Date since;

  private StubServer(WireMockServer server, Set<UUID> owned, Date since) {
    this.server = server;
    this.owned = owned;
    this.since = since;
  }

  /** Starts a new server on {@code 127.0.0.1} and a free port; the caller closes it. */
  public static StubServer start() {
    // One acceptor is plenty for test traffic and keeps Jetty quiet on small CI machines.
    WireMockServer server =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .jettyAcceptors(1)
                .maxRequestJournalEntries(JOURNAL_ENTRIES));
    server.start();
    return new StubServer(server, null, null);
  }

  /**
   * The stub server shared by the tests of this JVM (or of this test class, see {@link
   * FixtureScope}), started on first use with the baseline files of {@value #FILES_KEY}, and
   * stopped by JUnit when that scope ends. This is the server itself, not a test's view: stubs
   * added here stay until the server stops.
   *
   * <p>For extension authors: fixtures built on this one get the same server as {@link
   * WithStubServer}. Thread-safe.
   */
  public static StubServer shared(ExtensionContext context) {
    return FixtureScope.store(context, NAMESPACE)
        .getOrComputeIfAbsent(
            Shared.class, key -> new Shared(startWithBaseline(context)), Shared.class)
        .server();
  }

  /**
   * This test's view of the shared server: stubs added through it are removed when the test ends.
   * The same view is returned for every call within one test.
   */
  public static StubServer forTest(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TestView.class, key -> new TestView(shared(context).view()), TestView.class)
        .view();
  }

  /** This test's view if the test already asked for one; {@code null} otherwise. */
  static StubServer forTestIfStarted(ExtensionContext context) {
    TestView view = context.getStore(NAMESPACE).get(TestView.class, TestView.class);
    return view == null ? null : view.view();
  }

  /** The base URL, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  public int port() {
    return server.port();
  }

  /** Adds a stub; see WireMock's {@code WireMock.get(...)}, {@code okJson(...)} and friends. */
  public StubMapping stubFor(MappingBuilder mapping) {
    StubMapping stub = server.stubFor(mapping);
    own(stub);
    return stub;
  }

  /**
   * Adds the stubs of every WireMock mapping file under the classpath folder {@code folder} (its
   * {@code mappings} sub-folder if it has one), in file-name order.
   *
   * @throws IllegalArgumentException naming the folder or file and the fix, when there is nothing
   *     to load or a file is not a WireMock mapping
   */
  public List<StubMapping> loadMappings(String folder) {
    List<StubMapping> stubs = MappingFiles.read(folder);
    for (StubMapping stub : stubs) {
      server.addStubMapping(stub);
      own(stub);
    }
    return stubs;
  }

  /** Removes one stub this view (or anyone) added, such as an outage that is over. */
  public void remove(StubMapping stub) {
    server.removeStubMapping(stub.getId());
    if (owned != null) {
      owned.remove(stub.getId());
    }
  }

  /**
   * Checks that exactly one matching request arrived; throws WireMock's VerificationException
   * otherwise.
   */
  public void verify(RequestPatternBuilder request) {
    server.verify(request);
  }

  /** Checks that {@code count} matching requests arrived. */
  public void verify(int count, RequestPatternBuilder request) {
    server.verify(count, request);
  }

  /**
   * A WireMock client for this server, for what this class does not delegate (stubs added through
   * it are not removed after the test).
   */
  public WireMock client() {
    return new WireMock("127.0.0.1", server.port());
  }

  /**
   * On a test's view: removes the stubs this test added. On the server itself: removes every stub
   * and forgets every request received.
   */
  public void reset() {
    if (owned == null) {
      server.resetAll();
      return;
    }
    for (UUID id : List.copyOf(owned)) {
      server.removeStubMapping(id);
      owned.remove(id);
    }
  }

  /**
   * The requests that matched no stub: since the test started for a view, since the last reset
   * otherwise.
   */
  public List<LoggedRequest> unmatchedRequests() {
    List<LoggedRequest> all = server.findUnmatchedRequests().getRequests();
    if (since == null) {
      return all;
    }
    return all.stream().filter(request -> !request.getLoggedDate().before(since)).toList();
  }

  /**
   * The unmatched requests and the stubs that nearly matched them, as text with secret headers
   * masked; what a failed test attaches to its report.
   */
  public String unmatchedReport() {
    List<LoggedRequest> unmatched = unmatchedRequests();
    List<NearMiss> nearMisses = new ArrayList<>();
    for (LoggedRequest request : unmatched) {
      nearMisses.addAll(server.findNearMissesFor(request));
    }
    return UnmatchedReport.render(unmatched, nearMisses);
  }

  /** Stops the server; on a test's view, removes its stubs instead. Idempotent. */
  @Override
  public void close() {
    if (owned != null) {
      reset();
      return;
    }
    if (server.isRunning()) {
      server.stop();
    }
  }

  @Override
  public String toString() {
    return "StubServer["
        + (server.isRunning() ? baseUrl() : "stopped")
        + (owned == null ? "" : ", test view")
        + "]";
  }

  private StubServer view() {
    return new StubServer(server, ConcurrentHashMap.newKeySet(), new Date());
  }

  private void own(StubMapping stub) {
    if (owned != null) {
      owned.add(stub.getId());
    }
  }

  private static StubServer startWithBaseline(ExtensionContext context) {
    long started = System.nanoTime();
    StubServer server = start();
    try {
      String folders = context.getConfigurationParameter(FILES_KEY).orElse("");
      Arrays.stream(folders.split(","))
          .map(String::trim)
          .filter(f -> !f.isEmpty())
          .forEach(server::loadMappings);
    } catch (RuntimeException e) {
      server.close();
      throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
          FILES_KEY + ": " + e.getMessage(), e);
    }
    LOG.info(
        "Fixture start: stub server {} in {} ms",
        server.baseUrl(),
        (System.nanoTime() - started) / 1_000_000);
    return server;
  }

  private record Shared(StubServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  /**
   * A test's view in the test's store: JUnit closes it, removing the test's stubs, when the test
   * ends.
   */
  private record TestView(StubServer view) implements AutoCloseable {
    @Override
    public void close() {
      view.close();
    }
  }
}
