package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dynamic, parameterized, repeated and disabled tests, with awkward display names. */
@DisplayName("Fare table <v2> & \"friends\"")
class FareTableTests {

  static double fare(double km) {
    return 2.5 + km * 1.2;
  }

  @TestFactory
  Stream<DynamicNode> fares_per_distance() {
    return Stream.of(
        dynamicTest("0 km costs 2.50", () -> assertEquals(2.5, fare(0), 1e-9)),
        dynamicTest("10 km costs 14.50", () -> assertEquals(14.5, fare(10), 1e-9)),
        // Fails on purpose.
        dynamicTest("1 km costs 3.60", () -> assertEquals(3.6, fare(1), 1e-9)),
        dynamicContainer(
            "night fares",
            Stream.of(dynamicTest("night 0 km costs 2.50", () -> assertEquals(2.5, fare(0))))));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void a_positive_distance_costs_more_than_the_base_fare(int km) {
    assertTrue(fare(km) > 2.5);
  }

  @ParameterizedTest(name = "fare to \"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Zürich                 | 10
          東京                    | 20
          Gare du Nord, Paris    | 30
          <downtown> & "airport" | 40
          O'Hare                 | 99
          """)
  void knows_the_zone_fare(String zone, int fare) {
    // Fails on purpose for O'Hare.
    assertTrue(fare < 50, zone + " costs " + fare);
  }

  @RepeatedTest(3)
  void the_fare_is_stable() {
    assertEquals(14.5, fare(10), 1e-9);
  }

  @Test
  @DisplayName("charges <night> & \"weekend\" surcharges, Zürich → 東京")
  void charges_surcharges() {
    assertEquals(2.5, fare(0));
  }

  @Test
  @Disabled("night tariff not implemented")
  void adds_a_night_surcharge() {}
}
