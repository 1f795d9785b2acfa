package dev.pyramid.reporting.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pyramid.reporting.apidiff.ApiDiffReport;
import dev.pyramid.reporting.apidiff.ApiDiffReport.VersionDiff;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an {@link ApiDiffReport} as JSON, schema version {@value #SCHEMA_VERSION}: written out
 * field by field, as {@code decision.json} is, so that renaming a Java field never changes what CI
 * scripts read.
 */
public final class ApiDiffJson {

  /** The version of the JSON shape; raised on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ApiDiffJson() {}

  /** The JSON text. */
  public static String render(ApiDiffReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("compatible", !report.isBreaking());
    root.put("old", report.oldSource());
    root.put("new", report.newSource());
    root.put("today", report.today().toString());
    root.put("versionPattern", report.versionPattern());
    root.put("versions", report.versions().stream().map(ApiDiffJson::version).toList());
    root.put("warnings", report.warnings());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> version(VersionDiff v) {
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("version", v.version());
    version.put("status", v.status().name().toLowerCase(Locale.ROOT));
    version.put(
        "breaking",
        v.breaking().stream()
            .map(
                b -> {
                  Map<String, Object> change = new LinkedHashMap<>();
                  change.put("operation", b.operation());
                  change.put("where", b.where());
                  change.put("field", b.field());
                  change.put("change", b.change());
                  change.put(
                      "origin",
                      b.origin() == ApiDiffReport.Origin.PYRAMID ? "pyramid" : "openapi-diff");
                  return change;
                })
            .toList());
    version.put("added", v.added());
    version.put(
        "removed",
        v.removed().stream()
            .map(
                r -> {
                  Map<String, Object> removed = new LinkedHashMap<>();
                  removed.put("operation", r.operation());
                  removed.put("sunset", r.sunset().toString());
                  return removed;
                })
            .toList());
    version.put(
        "deprecated",
        v.deprecated().stream()
            .map(
                d -> {
                  Map<String, Object> deprecated = new LinkedHashMap<>();
                  deprecated.put("operation", d.operation());
                  deprecated.put("sunset", d.sunset() == null ? null : d.sunset().toString());
                  return deprecated;
                })
            .toList());
    return version;
  }
}
