package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs after BravoTests (runOrder=alphabetical): never runs when BravoTests kills the JVM. */
class CharlieTests {

  @Test
  void settles_a_ride() {
    assertEquals(1, 1);
  }

  @Test
  void settles_a_cancelled_ride() {
    assertEquals(0, 0);
  }
}
