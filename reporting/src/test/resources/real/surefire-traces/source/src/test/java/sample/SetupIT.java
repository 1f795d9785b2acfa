package sample;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SetupIT {

  @BeforeAll
  static void startTheDatabase() {
    throw new IllegalStateException("database did not come up on port 5432");
  }

  @Test
  void stores_a_ride() {}
}
