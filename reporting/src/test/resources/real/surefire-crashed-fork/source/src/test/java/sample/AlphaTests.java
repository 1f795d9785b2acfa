package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs first (runOrder=alphabetical) and completes in every run. */
class AlphaTests {

  @Test
  void registers_a_vehicle() {
    assertEquals(1, 1);
  }

  @Test
  void registers_a_driver() {
    assertEquals(2, 2);
  }
}
