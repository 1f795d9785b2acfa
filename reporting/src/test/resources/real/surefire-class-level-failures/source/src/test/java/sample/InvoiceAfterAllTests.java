package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Both tests pass, then @AfterAll throws. */
class InvoiceAfterAllTests {

  @AfterAll
  static void stopTheDatabase() {
    throw new IllegalStateException("database did not shut down");
  }

  @Test
  void issues_an_invoice() {
    assertEquals(1, 1);
  }

  @Test
  void totals_an_invoice() {
    assertEquals(2, 2);
  }
}
