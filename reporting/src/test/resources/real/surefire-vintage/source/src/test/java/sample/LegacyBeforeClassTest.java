package sample;

import static org.junit.Assert.assertEquals;

import org.junit.BeforeClass;
import org.junit.Test;

/** JUnit 4's @BeforeClass throws: neither test runs. */
public class LegacyBeforeClassTest {

  @BeforeClass
  public static void startTheDatabase() {
    throw new IllegalStateException("database did not come up on port 5432");
  }

  @Test
  public void storesARide() {
    assertEquals(1, 1);
  }

  @Test
  public void loadsARide() {
    assertEquals(1, 1);
  }
}
