package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fails on every rerun: one assertion, one error. */
class PaymentJourneyIT {

  @Test
  void pays_the_fare() {
    assertEquals("paid", "declined");
  }

  @Test
  void refunds_the_fare() {
    throw new IllegalStateException("refund service unreachable");
  }

  @Test
  void quotes_the_fare() {
    assertEquals(1, 1);
  }
}
