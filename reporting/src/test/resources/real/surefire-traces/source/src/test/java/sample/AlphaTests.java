package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaTests {

  @Test
  void registers_a_vehicle() {
    assertEquals(2, 1 + 1);
  }

  @Test
  void registers_a_driver() {
    assertEquals("driver", "dri" + "ver");
  }
}
