package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class BookingIT {

  @Test
  void books_a_ride() {
    assertEquals(3, 1 + 2);
  }

  @Test
  void quotes_the_fare() {
    assertEquals(12, 5 + 6, "fare in euros");
  }

  @Disabled("waiting for the payment provider's sandbox")
  @Test
  void refunds_a_ride() {}

  @Test
  void books_at_night() {
    assumeTrue(false, "night tariffs are off in this environment");
  }
}
