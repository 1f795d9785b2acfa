package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** No test in the outer class: only in @Nested classes, one and two levels deep. */
class FleetTests {

  @Nested
  class Vehicles {

    @Test
    void lists_the_vehicles() {
      assertEquals(2, 2);
    }

    @Nested
    class Electric {

      @Test
      void reports_the_battery_level() {
        assertEquals(80, 80);
      }
    }
  }
}
