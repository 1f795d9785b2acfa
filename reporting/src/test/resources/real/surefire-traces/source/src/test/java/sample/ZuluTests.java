package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class ZuluTests {

  @Test
  void settles_a_ride() {
    assertTrue(true);
  }

  @Disabled("tips are not settled yet")
  @Test
  void tips_the_driver() {}
}
