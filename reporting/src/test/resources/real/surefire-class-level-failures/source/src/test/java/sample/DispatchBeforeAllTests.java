package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** @BeforeAll throws (a database that does not come up): neither test runs. */
class DispatchBeforeAllTests {

  @BeforeAll
  static void startTheDatabase() {
    throw new IllegalStateException("database did not come up on port 5432");
  }

  @Test
  void dispatches_a_vehicle() {
    assertEquals(1, 1);
  }

  @Test
  void dispatches_two_vehicles() {
    assertEquals(2, 2);
  }
}
