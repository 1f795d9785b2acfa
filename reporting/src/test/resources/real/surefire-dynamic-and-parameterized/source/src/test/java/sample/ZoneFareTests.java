package sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.List;

/** Like FareTableTests, but the class has no @DisplayName (the common case). */
class ZoneFareTests {

  @ParameterizedTest(name = "[{index}] {0}, \"{1}\" & <{2}>")
  @CsvSource({"Zürich, Hauptbahnhof, 10", "東京, 渋谷, 20", "'Paris, Nord', 'Gare \"du\" Nord', 30"})
  void knows_the_zone(String city, String station, int fare) {
    assertTrue(fare > 0);
  }

  @RepeatedTest(value = 2, name = "{displayName} run {currentRepetition}/{totalRepetitions}")
  void quotes_the_same_fare_twice() {
    assertTrue(true);
  }

  @TestFactory
  List<DynamicTest> zones() {
    return List.of(
        DynamicTest.dynamicTest("zone A", () -> assertTrue(true)),
        DynamicTest.dynamicTest("zone B", () -> assertTrue(true)));
  }
}
