package sample;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import org.junit.Ignore;
import org.junit.Test;

/** JUnit 4 tests run by the JUnit Platform's vintage engine: every outcome. */
public class LegacyFareTest {

  static double fare(double km) {
    return 2.5 + km * 1.2;
  }

  @Test
  public void chargesTheBaseFare() {
    assertEquals(2.5, fare(0), 1e-9);
  }

  @Test
  public void chargesPerKm() {
    assertEquals(14.5, fare(10), 1e-9);
  }

  @Test
  public void charges110PerKm() {
    // Fails on purpose: the tariff is 1.20.
    assertEquals(3.6, fare(1), 1e-9);
  }

  @Test
  public void readsTheTariffTable() {
    // Errors on purpose (not an assertion).
    throw new IllegalStateException("tariff table missing");
  }

  @Test
  @Ignore("night tariff not implemented")
  public void addsANightSurcharge() {}

  @Test
  public void usesTheLiveTariffService() {
    assumeTrue("live tariff service not configured", System.getenv("TARIFF_URL") != null);
  }
}
