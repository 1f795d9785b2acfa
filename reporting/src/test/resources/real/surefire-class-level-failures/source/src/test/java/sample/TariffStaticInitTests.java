package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The class's static initialiser throws (ExceptionInInitializerError): neither test runs. */
class TariffStaticInitTests {

  private static final int BASE_FARE_CENTS = Integer.parseInt("two fifty");

  @Test
  void knows_the_base_fare() {
    assertEquals(250, BASE_FARE_CENTS);
  }

  @Test
  void knows_the_night_fare() {
    assertEquals(250, BASE_FARE_CENTS);
  }
}
