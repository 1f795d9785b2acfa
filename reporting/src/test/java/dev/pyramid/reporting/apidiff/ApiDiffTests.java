package dev.pyramid.reporting.apidiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Breaking;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Origin;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Status;
import dev.pyramid.reporting.apidiff.ApiDiffReport.VersionDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;

/**
 * Pyramid's compatibility rules, one fixture pair a rule ({@code src/test/resources/apidiff/<rule>/
 * old.yaml, new.yaml}, each saying at its top what changed).
 */
@UnitTest
class ApiDiffTests {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @Test
  void an_optional_response_field_removed_breaks_every_operation_returning_it() throws Exception {
    ApiDiffReport report = compare("response-field-removed", ApiDiffRules.on(TODAY));

    assertThat(report.isBreaking()).isTrue();
    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::where, Breaking::field, Breaking::origin)
        .containsExactlyInAnyOrder(
            tuple(
                "GET /v1/rides", "response 200 application/json", "[].driverName", Origin.PYRAMID),
            tuple("POST /v1/rides", "response 201 application/json", "driverName", Origin.PYRAMID),
            tuple(
                "GET /v1/rides/{id}",
                "response 200 application/json",
                "driverName",
                Origin.PYRAMID));
    assertThat(report.breaking())
        .allSatisfy(b -> assertThat(b.change()).isEqualTo("property removed"));
  }

  @Test
  void a_request_field_made_required_breaks_the_operation_sending_it() throws Exception {
    ApiDiffReport report = compare("request-field-required", ApiDiffRules.on(TODAY));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::where, Breaking::field, Breaking::change)
        .containsExactly(
            tuple(
                "POST /v1/rides",
                "request body application/json",
                "vehicleClass",
                "became required"));
  }

  @Test
  void a_type_change_is_named_with_both_types() throws Exception {
    ApiDiffReport report = compare("type-changed", ApiDiffRules.on(TODAY));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::field, Breaking::change, Breaking::origin)
        .contains(
            tuple(
                "GET /v1/rides/{id}",
                "fare",
                "type changed from integer to string",
                Origin.OPENAPI_DIFF))
        .hasSize(3);
  }

  @Test
  void a_parameter_made_required_breaks() throws Exception {
    ApiDiffReport report = compare("parameter-required", ApiDiffRules.on(TODAY));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::where, Breaking::change)
        .containsExactly(tuple("GET /v1/rides", "parameter status (query)", "made required"));
  }

  @Test
  void an_enum_value_a_request_may_send_removed_breaks() throws Exception {
    ApiDiffReport report = compare("enum-value-removed", ApiDiffRules.on(TODAY));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::field, Breaking::change)
        .containsExactly(tuple("POST /v1/rides", "vehicleClass", "enum values removed: premium"));
  }

  @Test
  void request_constraints_tightened_break_with_both_values() throws Exception {
    ApiDiffReport report = compare("request-constraints", ApiDiffRules.on(TODAY));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::field, Breaking::change)
        .containsExactlyInAnyOrder(
            tuple("POST /v1/rides", "note", "maxLength changed from 200 to 100"),
            tuple("POST /v1/rides", "pickup", "minLength changed from 1 to 3"));
  }

  @Test
  void an_endpoint_removed_without_deprecation_breaks() throws Exception {
    ApiDiffReport report = compare("endpoint-removed", ApiDiffRules.on(TODAY));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::change)
        .containsExactly(tuple("GET /v1/rides/{id}", "removed without being deprecated first"));
  }

  @Test
  void an_endpoint_removed_before_its_sunset_date_breaks_naming_the_date() throws Exception {
    ApiDiffReport report =
        compare("endpoint-removed-after-deprecation", ApiDiffRules.on(LocalDate.of(2026, 3, 30)));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::change)
        .containsExactly(tuple("GET /v1/rides/{id}", "removed before its sunset date 2026-03-31"));
  }

  @Test
  void an_endpoint_removed_on_its_sunset_date_is_compatible() throws Exception {
    ApiDiffReport report =
        compare("endpoint-removed-after-deprecation", ApiDiffRules.on(LocalDate.of(2026, 3, 31)));

    assertThat(report.isBreaking()).isFalse();
    assertThat(report.versions().get(0).removed())
        .extracting(r -> r.operation() + " " + r.sunset())
        .containsExactly("GET /v1/rides/{id} 2026-03-31");
  }

  @Test
  void an_endpoint_deprecated_without_a_sunset_date_can_never_be_removed() throws Exception {
    ApiDiffReport report = compare("endpoint-removed-no-sunset", ApiDiffRules.on(TODAY));

    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::change)
        .containsExactly(
            tuple("GET /v1/rides/{id}", "removed; deprecated but with no sunset date (x-sunset)"));
  }

  @Test
  void a_sunset_date_given_by_the_rules_takes_the_place_of_the_documents() throws Exception {
    Map<String, LocalDate> byVersion = Map.of("v1", LocalDate.of(2026, 1, 1));
    Map<String, LocalDate> byOperation =
        Map.of("GET /v1/rides/{id}", LocalDate.of(2027, 1, 1), "v1", LocalDate.of(2026, 1, 1));

    ApiDiffReport passed = compare("endpoint-removed-no-sunset", rules(byVersion));
    ApiDiffReport future = compare("endpoint-removed-no-sunset", rules(byOperation));

    assertThat(passed.isBreaking()).isFalse();
    assertThat(future.breaking())
        .extracting(Breaking::change)
        .containsExactly("removed before its sunset date 2027-01-01");
  }

  @Test
  void a_deprecation_is_listed_with_its_sunset_date_and_breaks_nothing() throws Exception {
    Path base = BuildTree.resource("apidiff/endpoint-removed/old.yaml");
    Path deprecating = BuildTree.resource("apidiff/endpoint-removed-after-deprecation/old.yaml");

    ApiDiffReport report =
        ApiDiff.compare(
            ApiDocumentReader.read(base.toString()),
            ApiDocumentReader.read(deprecating.toString()),
            ApiDiffRules.on(TODAY));

    assertThat(report.isBreaking()).isFalse();
    assertThat(report.versions().get(0).deprecated())
        .extracting(d -> d.operation() + " " + d.sunset())
        .containsExactly("GET /v1/rides/{id} 2026-03-31");
  }

  @Test
  void a_whole_version_removed_breaks_for_each_operation_without_a_passed_sunset()
      throws Exception {
    ApiDiffReport report = compare("version-removed", ApiDiffRules.on(TODAY));

    assertThat(report.versions())
        .extracting(VersionDiff::version, VersionDiff::status)
        .containsExactly(tuple("v1", Status.REMOVED), tuple("v2", Status.KEPT));
    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::change)
        .containsExactly(
            tuple("GET /v1/rides/{id}", "removed; deprecated but with no sunset date (x-sunset)"));
    assertThat(report.versions().get(0).removed()).hasSize(2);
  }

  @Test
  void a_whole_version_removed_after_its_sunset_is_compatible() throws Exception {
    ApiDiffReport after = compare("version-removed-after-sunset", ApiDiffRules.on(TODAY));
    ApiDiffReport before =
        compare("version-removed-after-sunset", ApiDiffRules.on(LocalDate.of(2026, 1, 30)));

    assertThat(after.isBreaking()).isFalse();
    assertThat(after.versions().get(0).removed()).hasSize(3);
    assertThat(before.breaking()).hasSize(3);
  }

  @Test
  void a_new_version_is_an_addition_never_compared_with_the_old_one() throws Exception {
    ApiDiffReport report = compare("version-added", ApiDiffRules.on(TODAY));

    assertThat(report.isBreaking()).isFalse();
    assertThat(report.versions())
        .extracting(VersionDiff::version, VersionDiff::status)
        .containsExactly(tuple("v1", Status.KEPT), tuple("v2", Status.ADDED));
    assertThat(report.versions().get(1).added()).containsExactly("GET /v2/rides/{id}");
  }

  @Test
  void optional_fields_parameters_and_endpoints_added_are_compatible() throws Exception {
    ApiDiffReport report = compare("optional-additions", ApiDiffRules.on(TODAY));

    assertThat(report.isBreaking()).isFalse();
    assertThat(report.versions().get(0).added()).containsExactly("GET /v1/vehicles");
  }

  @Test
  void paths_without_a_version_are_compared_as_one_group() throws Exception {
    ApiDiffReport report = compare("unversioned", ApiDiffRules.on(TODAY));

    assertThat(report.versions())
        .extracting(VersionDiff::version)
        .containsExactly(ApiDiffReport.UNVERSIONED);
    assertThat(report.breaking())
        .extracting(Breaking::operation, Breaking::field, Breaking::change)
        .containsExactly(tuple("GET /health", "uptime", "property removed"));
  }

  @Test
  void the_version_pattern_decides_which_segment_is_a_version() throws Exception {
    ApiDiffRules apiV = new ApiDiffRules(Pattern.compile("api-v\\d+"), TODAY, Map.of());

    ApiDiffReport grouped = compare("version-pattern", apiV);
    ApiDiffReport defaults = compare("version-pattern", ApiDiffRules.on(TODAY));

    assertThat(grouped.versions())
        .extracting(VersionDiff::version, VersionDiff::status)
        .containsExactly(tuple("api-v1", Status.KEPT), tuple("api-v2", Status.ADDED));
    assertThat(grouped.breaking())
        .extracting(Breaking::operation)
        .allMatch(op -> op.contains("/api-v1/"));
    assertThat(defaults.versions())
        .extracting(VersionDiff::version)
        .containsExactly(ApiDiffReport.UNVERSIONED);
  }

  @Test
  void versions_sort_by_number_and_the_first_matching_segment_counts() {
    Pattern v = Pattern.compile(ApiDiffRules.DEFAULT_VERSION_PATTERN);

    assertThat(VersionGroups.versionOf("/fleet/v2/rides/v3", v)).isEqualTo("v2");
    assertThat(VersionGroups.versionOf("/fleet/rides", v)).isEqualTo(ApiDiffReport.UNVERSIONED);
    assertThat(VersionGroups.versionOf("/v2beta/rides", v)).isEqualTo(ApiDiffReport.UNVERSIONED);
    assertThat(
            java.util.stream.Stream.of("v10", "v2", ApiDiffReport.UNVERSIONED, "v1")
                .sorted(VersionGroups.ORDER))
        .containsExactly(ApiDiffReport.UNVERSIONED, "v1", "v2", "v10");
  }

  /**
   * Why 3.1 is refused rather than compared: openapi-diff 2.1.7 sees no change at all in the 3.1
   * pair, though it is the type change it reports for 3.0 (openapi-diff issue 910). Should an
   * upgrade fix it, this fails, and the refusal in ApiDocumentReader can be lifted.
   */
  @Test
  void openapi_diff_misses_a_type_change_in_openapi_31() throws Exception {
    Path dir = BuildTree.resource("apidiff/openapi-31");

    var diff =
        OpenApiCompare.fromContents(
            Files.readString(dir.resolve("old.yaml")), Files.readString(dir.resolve("new.yaml")));
    var same30 =
        OpenApiCompare.fromContents(
            Files.readString(dir.resolve("old.yaml")).replace("3.1.0", "3.0.3"),
            Files.readString(dir.resolve("new.yaml")).replace("3.1.0", "3.0.3"));

    assertThat(diff.isIncompatible()).isFalse();
    assertThat(diff.isUnchanged()).isTrue();
    assertThat(same30.isIncompatible()).isTrue();
  }

  private static ApiDiffRules rules(Map<String, LocalDate> sunsets) {
    return new ApiDiffRules(Pattern.compile(ApiDiffRules.DEFAULT_VERSION_PATTERN), TODAY, sunsets);
  }

  static ApiDiffReport compare(String rule, ApiDiffRules rules) throws Exception {
    Path dir = BuildTree.resource("apidiff/" + rule);
    return ApiDiff.compare(
        ApiDocumentReader.read(dir.resolve("old.yaml").toString()),
        ApiDocumentReader.read(dir.resolve("new.yaml").toString()),
        rules);
  }
}
