package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Tests in the outer class and in @Nested classes one, two and three levels deep: in the nested ones a
 * passing, a failing, an errored and a skipped (@Disabled) test.
 */
class RideBookingTests {

  @Test
  void books_a_ride() {
    assertEquals(2, 1 + 1);
  }

  @Test
  void refuses_a_ride_without_a_pickup() {
    // Fails on purpose, in the outer class.
    assertEquals("refused", "booked");
  }

  @Nested
  class WhenAVehicleIsAvailable {

    @Test
    void assigns_the_nearest_vehicle() {
      assertEquals(3, 1 + 2);
    }

    @Test
    void quotes_the_fare() {
      // Fails on purpose, one level deep.
      assertEquals(12.5, 10.0, 1e-9);
    }

    @Nested
    class AndTheRiderCancels {

      @Test
      void releases_the_vehicle() {
        assertEquals(0, 0);
      }

      @Test
      void charges_a_cancellation_fee() {
        // Errors on purpose (not an assertion), two levels deep.
        throw new IllegalStateException("fee table missing");
      }

      @Test
      @Disabled("cancellation refunds not implemented")
      void refunds_a_prepaid_ride() {}

      @Nested
      class AfterTheVehicleLeft {

        @Test
        void notifies_the_driver() {
          assertEquals(1, 1);
        }
      }
    }
  }

  @Nested
  class WhenNoVehicleIsAvailable {

    @Test
    void queues_the_request() {
      assertEquals(1, 1);
    }
  }
}
