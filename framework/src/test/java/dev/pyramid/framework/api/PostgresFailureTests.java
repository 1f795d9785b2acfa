package dev.pyramid.framework.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs a sample class through the Jupiter engine against a database that cannot start: every test
 * that asks for it errors with one message naming cause and fix, and none passes.
 */
@UnitTest
class PostgresFailureTests {
  private static final AtomicInteger BODIES_RUN = new AtomicInteger();

  @WithPostgres
  static class NeedsADatabase {
    @Test
    void first(PostgresDatabase database) {
      BODIES_RUN.incrementAndGet();
    }

    @Test
    void second(PostgresDatabase database) {
      BODIES_RUN.incrementAndGet();
    }

    @Test
    void third(PostgresDatabase database) {
      BODIES_RUN.incrementAndGet();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Events runAgainst(String provider, String url) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("pyramid.postgres.provider", provider)
        .configurationParameter("pyramid.postgres.url", url)
        .selectors(selectClass(NeedsADatabase.class))
        .execute()
        .testEvents();
  }

  @Test
  void should_fail_every_test_and_pass_none_when_the_external_database_refuses_connections()
      throws IOException {
    BODIES_RUN.set(0);
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/fleet";

    Events events = runAgainst("external", url);

    events.assertStatistics(stats -> stats.started(3).succeeded(0).failed(3).aborted(0));
    events
        .assertThatEvents()
        .haveExactly(
            3,
            event(
                test(),
                finishedWithFailure(
                    instanceOf(ParameterResolutionException.class),
                    message(
                        text ->
                            text.contains(
                                    "PostgreSQL at "
                                        + url
                                        + " did not accept a connection as user postgres: ")
                                && text.contains("Connection refused")
                                && text.contains("Fix: check pyramid.postgres.url")))));
    assertThat(BODIES_RUN).hasValue(0);
  }

  @Test
  void should_fail_every_test_naming_the_key_to_set_when_the_configuration_is_wrong() {
    BODIES_RUN.set(0);

    Events events = runAgainst("externally", "jdbc:postgresql://127.0.0.1:1/fleet");

    events.assertStatistics(stats -> stats.started(3).succeeded(0).failed(3));
    events
        .assertThatEvents()
        .haveExactly(
            3,
            event(
                test(),
                finishedWithFailure(
                    message(
                        text ->
                            text.endsWith(
                                ": pyramid.postgres.provider=externally is not a known provider;"
                                    + " use one of auto, testcontainers, embedded, external")))));
    assertThat(BODIES_RUN).hasValue(0);
  }
}
