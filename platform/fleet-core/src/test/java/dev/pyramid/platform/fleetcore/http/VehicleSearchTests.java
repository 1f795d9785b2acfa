package dev.pyramid.platform.fleetcore.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.platform.fleetcore.geo.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@UnitTest
class VehicleSearchTests {

  @Test
  void readsThePlaceAndTheRadius() {
    assertThat(VehicleSearch.of("52.5251", "-13.3694", "2.5"))
        .isEqualTo(new VehicleSearch(new Location(52.5251, -13.3694), 2.5));
  }

  @Test
  void theRadiusDefaultsToTenKilometres() {
    assertThat(VehicleSearch.of("1", "2", null).radiusKm()).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "null  | 13   | 1   | lat      | lat is required",
        "52    | ''   | 1   | lon      | lon is required",
        "1e1   | 13   | 1   | lat      | lat must be a decimal number, was 1e1",
        "NaN   | 13   | 1   | lat      | lat must be a decimal number, was NaN",
        "52    | 0x1p3| 1   | lon      | lon must be a decimal number, was 0x1p3",
        "90.5  | 13   | 1   | lat      | lat must be within [-90, 90], was 90.5",
        "52    | -181 | 1   | lon      | lon must be within [-180, 180], was -181",
        "52    | 13   | 51  | radiusKm | radiusKm must be within [0, 50], was 51",
        "52    | 13   | -1  | radiusKm | radiusKm must be within [0, 50], was -1",
      })
  void refusesAQueryNamingTheParameter(
      String lat, String lon, String radiusKm, String field, String message) {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class, () -> VehicleSearch.of(lat, lon, radiusKm));

    assertThat(e.field()).contains(field);
    assertThat(e).hasMessage(message);
  }
}
