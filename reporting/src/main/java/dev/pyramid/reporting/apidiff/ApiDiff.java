package dev.pyramid.reporting.apidiff;

import dev.pyramid.reporting.apidiff.ApiDiffReport.Breaking;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Deprecation;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Origin;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Removal;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Status;
import dev.pyramid.reporting.apidiff.ApiDiffReport.VersionDiff;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Compares two OpenAPI 3.0 documents under Pyramid's rules: version by version (a version only in
 * NEW is an addition), every backward-incompatible change of a kept version ({@link
 * BreakingChanges}), and a removed operation or version compatible only once deprecated with a
 * sunset date on or before today.
 *
 * <p>Thread-safe: no state; openapi-diff builds its own per comparison.
 */
public final class ApiDiff {

  /**
   * openapi-diff's own rules, with one change: a request's {@code minLength} raised refuses
   * requests that were valid, so it breaks (openapi-diff leaves that rule off by default).
   */
  private static final OpenApiDiffOptions OPTIONS =
      OpenApiDiffOptions.builder()
          .configProperty("incompatible.request.min.length.increased", "true")
          .build();

  private static final String SUNSET = "x-sunset";

  private ApiDiff() {}

  /** Compares {@code before} (OLD) with {@code after} (NEW). */
  public static ApiDiffReport compare(ApiDocument before, ApiDocument after, ApiDiffRules rules) {
    Map<String, OpenAPI> old = VersionGroups.split(before.api(), rules.version());
    Map<String, OpenAPI> now = VersionGroups.split(after.api(), rules.version());
    TreeSet<String> versions = new TreeSet<>(VersionGroups.ORDER);
    versions.addAll(old.keySet());
    versions.addAll(now.keySet());
    List<VersionDiff> diffs = new ArrayList<>();
    for (String version : versions) {
      if (!old.containsKey(version)) {
        List<String> added = operations(now.get(version)).map(ApiDiff::name).toList();
        diffs.add(new VersionDiff(version, Status.ADDED, List.of(), added, List.of(), List.of()));
      } else if (!now.containsKey(version)) {
        diffs.add(removed(version, old.get(version), rules));
      } else {
        diffs.add(kept(version, old.get(version), now.get(version), rules));
      }
    }
    List<String> warnings = new ArrayList<>();
    before.warnings().forEach(w -> warnings.add(before.source() + ": " + w));
    after.warnings().forEach(w -> warnings.add(after.source() + ": " + w));
    return new ApiDiffReport(
        before.source(), after.source(), rules.today(), rules.version().pattern(), diffs, warnings);
  }

  private static VersionDiff removed(String version, OpenAPI old, ApiDiffRules rules) {
    List<Breaking> breaking = new ArrayList<>();
    List<Removal> removed = new ArrayList<>();
    operations(old).forEach(op -> removal(version, op, rules, breaking, removed));
    return new VersionDiff(version, Status.REMOVED, breaking, List.of(), removed, List.of());
  }

  private static VersionDiff kept(String version, OpenAPI old, OpenAPI now, ApiDiffRules rules) {
    ChangedOpenApi diff = OpenApiCompare.fromSpecifications(old, now, OPTIONS);
    List<Breaking> breaking = new ArrayList<>();
    List<Removal> removed = new ArrayList<>();
    for (Endpoint missing : diff.getMissingEndpoints()) {
      OperationRef op =
          new OperationRef(missing.getMethod(), missing.getPathUrl(), missing.getOperation());
      removal(version, op, rules, breaking, removed);
    }
    List<Deprecation> deprecated = new ArrayList<>();
    for (ChangedOperation changed : diff.getChangedOperations()) {
      String name = changed.getHttpMethod() + " " + changed.getPathUrl();
      breaking.addAll(BreakingChanges.of(name, changed));
      if (changed.isDeprecated()) {
        deprecated.add(new Deprecation(name, sunsetOrNull(changed.getNewOperation())));
      }
    }
    List<String> added =
        diff.getNewEndpoints().stream().map(e -> e.getMethod() + " " + e.getPathUrl()).toList();
    return new VersionDiff(version, Status.KEPT, breaking, added, removed, deprecated);
  }

  /**
   * An operation OLD has and NEW does not: compatible once OLD deprecated it and its sunset date
   * (the rules', else its {@code x-sunset}) is today or earlier; breaking otherwise, saying why.
   */
  private static void removal(
      String version,
      OperationRef op,
      ApiDiffRules rules,
      List<Breaking> breaking,
      List<Removal> removed) {
    String name = name(op);
    LocalDate sunset = rules.sunsets().getOrDefault(name, rules.sunsets().get(version));
    String reason = null;
    if (sunset == null) {
      Object declared =
          op.operation().getExtensions() == null
              ? null
              : op.operation().getExtensions().get(SUNSET);
      try {
        sunset = declared == null ? null : date(declared);
      } catch (DateTimeParseException e) {
        reason = "removed; its x-sunset '" + declared + "' is not a date (yyyy-mm-dd)";
      }
    }
    if (reason == null && !Boolean.TRUE.equals(op.operation().getDeprecated())) {
      reason = "removed without being deprecated first";
    } else if (reason == null && sunset == null) {
      reason = "removed; deprecated but with no sunset date (x-sunset)";
    } else if (reason == null && rules.today().isBefore(sunset)) {
      reason = "removed before its sunset date " + sunset;
    }
    if (reason == null) {
      removed.add(new Removal(name, sunset));
    } else {
      breaking.add(new Breaking(name, "operation", "", reason, Origin.PYRAMID));
    }
  }

  private static LocalDate sunsetOrNull(Operation operation) {
    Object declared =
        operation.getExtensions() == null ? null : operation.getExtensions().get(SUNSET);
    try {
      return declared == null ? null : date(declared);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An ISO date, or the date of an ISO date-time ({@code 2025-06-30T00:00:00Z}). */
  private static LocalDate date(Object value) {
    String text = String.valueOf(value).strip();
    return LocalDate.parse(
        text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
  }

  private static Stream<OperationRef> operations(OpenAPI api) {
    return api.getPaths().entrySet().stream()
        .flatMap(
            path ->
                path.getValue().readOperationsMap().entrySet().stream()
                    .map(op -> new OperationRef(op.getKey(), path.getKey(), op.getValue())));
  }

  private static String name(OperationRef op) {
    return op.method() + " " + op.path();
  }

  private record OperationRef(PathItem.HttpMethod method, String path, Operation operation) {}
}
