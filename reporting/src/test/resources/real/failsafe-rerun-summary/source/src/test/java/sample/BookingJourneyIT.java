package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Passes, one of its tests only on a rerun (flaky). */
class BookingJourneyIT {

  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @Test
  void books_a_ride() {
    assertEquals(2, 1 + 1);
  }

  @Test
  void reaches_the_dispatcher() {
    // Flaky on purpose: the first attempt fails, the rerun in the same JVM passes.
    assertEquals(2, ATTEMPTS.incrementAndGet(), "first attempt fails");
  }
}
