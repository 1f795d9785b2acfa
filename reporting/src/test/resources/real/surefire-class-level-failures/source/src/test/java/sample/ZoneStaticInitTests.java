package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The static initialiser throws and a static @BeforeAll is the first to touch the class, so the
 * class fails before any test (compare TariffStaticInitTests, whose first test touches it).
 */
class ZoneStaticInitTests {

  private static final int ZONES = Integer.parseInt("twelve");

  @BeforeAll
  static void loadTheZones() {}

  @Test
  void knows_the_zones() {
    assertEquals(12, ZONES);
  }

  @Test
  void knows_the_airport_zone() {
    assertEquals(12, ZONES);
  }
}
