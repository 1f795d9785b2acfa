package sample;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

/** TestNG: a pass, a failure, an error, and a test skipped because the one it depends on failed. */
public class PayoutTest {

  @Test
  public void computesTheDriverShare() {
    assertEquals(80, 100 * 8 / 10);
  }

  @Test
  public void connectsToTheBank() {
    // Fails on purpose.
    assertEquals("connected", "refused");
  }

  @Test(dependsOnMethods = "connectsToTheBank")
  public void transfersThePayout() {
    assertEquals(1, 1);
  }

  @Test
  public void readsTheBankCodes() {
    // Errors on purpose (not an assertion).
    throw new IllegalStateException("bank code table missing");
  }
}
