package sample;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

@Disabled("the dispatch service is being replaced")
class DisabledIT {

  @Test
  void dispatches_a_vehicle() {}

  @Test
  void recalls_a_vehicle() {}
}
