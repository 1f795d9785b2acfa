package dev.pyramid.framework.internal.postgres;

import dev.pyramid.framework.api.PostgresDatabase;
import dev.pyramid.framework.api.PostgresFixture;
import dev.pyramid.framework.api.PostgresFixture.Provider;
import java.util.concurrent.CountDownLatch;

/**
 * The JVM that {@link PostgresOrphanIT} kills: starts the fixture with the provider named by its
 * argument, prints {@code READY<TAB>jdbcUrl<TAB>username<TAB>password} and waits to be killed.
 */
public final class FixtureChild {
  private FixtureChild() {}

  public static void main(String[] args) throws InterruptedException {
    PostgresFixture fixture = PostgresFixture.builder().provider(Provider.valueOf(args[0])).build();
    PostgresDatabase database = fixture.start();
    System.out.println(
        "READY\t" + database.jdbcUrl() + "\t" + database.username() + "\t" + database.password());
    System.out.flush();
    new CountDownLatch(1).await(); // until SIGKILL
  }
}
