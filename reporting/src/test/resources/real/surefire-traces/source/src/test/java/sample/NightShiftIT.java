package sample;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NightShiftIT {

  @BeforeAll
  static void onlyAtNight() {
    assumeTrue(false, "the night shift is not configured here");
  }

  @Test
  void assigns_a_night_driver() {}
}
