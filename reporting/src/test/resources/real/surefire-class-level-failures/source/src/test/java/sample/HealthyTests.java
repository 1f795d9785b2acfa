package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A class with no class-level failure, for contrast. */
class HealthyTests {

  @Test
  void passes() {
    assertEquals(1, 1);
  }
}
