package sample;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import org.junit.Ignore;
import org.junit.Test;

/** JUnit 4 tests run by Gradle: every outcome, output on stdout and stderr, awkward messages. */
public class LegacyFareTest {

  static double fare(double km) {
    return 2.5 + km * 1.2;
  }

  @Test
  public void chargesTheBaseFare() {
    System.out.println("base fare for <0 km> & \"no\" waiting: " + fare(0));
    assertEquals(2.5, fare(0), 1e-9);
  }

  @Test
  public void chargesPerKm() {
    System.err.println("tariff read from Zürich table");
    assertEquals(14.5, fare(10), 1e-9);
  }

  @Test
  public void charges110PerKm() {
    // Fails on purpose, with <, & and quotes in the message.
    assertEquals("fare for <1 km> & \"tip\"", 3.6, fare(1), 1e-9);
  }

  @Test
  public void readsTheTariffTable() {
    // Errors on purpose (not an assertion).
    throw new IllegalStateException("tariff table <missing> & gone");
  }

  @Test
  @Ignore("night tariff not implemented")
  public void addsANightSurcharge() {}

  @Test
  public void usesTheLiveTariffService() {
    assumeTrue("live tariff service not configured", System.getenv("TARIFF_URL") != null);
  }
}
