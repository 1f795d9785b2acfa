package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Runs last (runOrder=alphabetical): never runs when BravoTests kills the JVM. */
class DeltaTests {

  @Test
  void rates_the_driver() {
    assertEquals(5, 5);
  }

  @Test
  @Disabled("tipping not implemented")
  void tips_the_driver() {}
}
