package dev.pyramid.framework.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pyramid.framework.internal.stubs.UnmatchedReport;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * A WireMock server standing in for a third-party HTTP API, bound to {@code 127.0.0.1} on a free
 * port.
 *
 * <p>In JUnit, annotate the class with {@link WithStubServer} and ask for a {@code StubServer}
 * parameter; elsewhere, {@link #start()} one and close it. Stubbing uses WireMock's own DSL:
 *
 * <pre>{@code
 * routing.stubFor(get(urlPathEqualTo("/v1/eta")).willReturn(okJson("{\"etaSeconds\":240}")));
 * }</pre>
 *
 * <p>WireMock itself is thread-safe, but {@link #reset()} affects every caller: tests that share
 * one server must not run concurrently while they depend on its stubs.
 */
public final class StubServer implements AutoCloseable {
  private static final Namespace NAMESPACE = Namespace.create(StubServer.class);

  private final WireMockServer server;

  private StubServer(WireMockServer server) {
    this.server = server;
  }

  /** Starts a new server on {@code 127.0.0.1} and a free port; the caller closes it. */
  public static StubServer start() {
    // One acceptor is plenty for test traffic and keeps Jetty quiet on small CI machines.
    WireMockServer server =
        new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyAcceptors(1));
    server.start();
    return new StubServer(server);
  }

  /**
   * The stub server shared by every test of this JVM, started on first use and stopped by JUnit
   * when the run ends. It is not reset here; {@link WithStubServer} resets it before each test.
   *
   * <p>For extension authors: fixtures built on this one get the same server as
   * {@link WithStubServer}. Thread-safe.
   */
  public static StubServer shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, key -> new Shared(start()), Shared.class)
        .server();
  }

  /** The shared server if a test already started it; {@code null} otherwise. */
  static StubServer sharedIfStarted(ExtensionContext context) {
    Shared shared = context.getRoot().getStore(NAMESPACE).get(Shared.class, Shared.class);
    return shared == null ? null : shared.server();
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
    return server.stubFor(mapping);
  }

  /** Checks that exactly one matching request arrived; throws WireMock's VerificationException otherwise. */
  public void verify(RequestPatternBuilder request) {
    server.verify(request);
  }

  /** Checks that {@code count} matching requests arrived. */
  public void verify(int count, RequestPatternBuilder request) {
    server.verify(count, request);
  }

  /** A WireMock client for this server, for what this class does not delegate. */
  public WireMock client() {
    return new WireMock("127.0.0.1", server.port());
  }

  /** Removes every stub and forgets every request received. */
  public void reset() {
    server.resetAll();
  }

  /** The requests that matched no stub since the last reset. */
  public List<LoggedRequest> unmatchedRequests() {
    return server.findUnmatchedRequests().getRequests();
  }

  /**
   * The unmatched requests and the stubs that nearly matched them, as text with secret headers
   * masked; what a failed test attaches to its report.
   */
  public String unmatchedReport() {
    return UnmatchedReport.render(unmatchedRequests(), server.findNearMissesForAllUnmatchedRequests());
  }

  /** Stops the server. Idempotent. */
  @Override
  public void close() {
    if (server.isRunning()) {
      server.stop();
    }
  }

  @Override
  public String toString() {
    return "StubServer[" + (server.isRunning() ? baseUrl() : "stopped") + "]";
  }

  private record Shared(StubServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }
}
