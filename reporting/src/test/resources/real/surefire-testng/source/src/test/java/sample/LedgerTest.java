package sample;

import static org.testng.Assert.assertEquals;

import org.testng.SkipException;
import org.testng.annotations.Test;

/** TestNG: passing tests, one explicitly skipped, one disabled. */
public class LedgerTest {

  @Test
  public void recordsAnEntry() {
    assertEquals(1, 1);
  }

  @Test
  public void balancesTheLedger() {
    assertEquals(0, 0);
  }

  @Test
  public void exportsToTheAuditor() {
    throw new SkipException("auditor endpoint not configured");
  }

  @Test(enabled = false)
  public void archivesTheYear() {}
}
