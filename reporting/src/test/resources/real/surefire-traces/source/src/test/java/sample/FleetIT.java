package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FleetIT {

  @Test
  void lists_the_fleet() {
    assertTrue(true);
  }

  @Nested
  class WhenAVehicleIsInService {

    @Test
    void it_can_be_booked() {
      assertTrue(true);
    }

    @Test
    void it_reports_its_position() {
      assertTrue(true);
    }
  }
}
