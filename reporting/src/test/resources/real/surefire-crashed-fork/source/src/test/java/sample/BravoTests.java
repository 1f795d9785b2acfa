package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Kills the test JVM in its second test when the system property crash is "exit" (System.exit(1))
 * or "oom" (fills the 64 MB heap); with crash=none every test passes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BravoTests {

  @Test
  @Order(1)
  void plans_a_route() {
    assertEquals(3, 3);
  }

  @Test
  @Order(2)
  void replans_around_a_closure() {
    switch (System.getProperty("crash", "none")) {
      case "exit" -> System.exit(1);
      case "oom" -> {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
          hoard.add(new long[1_000_000]);
        }
      }
      default -> assertEquals(4, 4);
    }
  }

  @Test
  @Order(3)
  void estimates_the_arrival() {
    assertEquals(5, 5);
  }
}
