package dev.pyramid.reporting.render;

import dev.pyramid.reporting.apidiff.ApiDiffReport;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Breaking;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Origin;
import dev.pyramid.reporting.apidiff.ApiDiffReport.VersionDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders an {@link ApiDiffReport} as the console table {@code pyramid api-diff} prints, and as
 * Markdown for a pull-request comment. Both end with the verdict line.
 */
public final class ApiDiffText {

  private ApiDiffText() {}

  /** The console table: versions, then each breaking change, additions, removals, deprecations. */
  public static String table(ApiDiffReport report) {
    StringBuilder out = new StringBuilder(header(report)).append("\n\n");
    List<List<String>> versions = new ArrayList<>();
    versions.add(List.of("version", "status", "breaking", "added", "removed", "deprecated"));
    for (VersionDiff v : report.versions()) {
      versions.add(counts(v));
    }
    columns(out, versions);
    if (report.isBreaking()) {
      out.append("\nBreaking changes:\n");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("version", "operation", "where", "field", "change"));
      for (VersionDiff v : report.versions()) {
        for (Breaking b : v.breaking()) {
          rows.add(List.of(v.version(), b.operation(), b.where(), b.field(), change(b)));
        }
      }
      columns(out, rows);
    }
    lists(out, report, line -> "  " + line + "\n", "\n%s:\n");
    return out.append('\n').append(verdict(report)).append('\n').toString();
  }

  /** Markdown: a heading, the version table, a table of breaking changes, the other lists. */
  public static String markdown(ApiDiffReport report) {
    StringBuilder out = new StringBuilder("## ").append(verdict(report)).append("\n\n");
    out.append(header(report).replace("pyramid api-diff: ", "")).append("\n\n");
    out.append("| version | status | breaking | added | removed | deprecated |\n");
    out.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
    for (VersionDiff v : report.versions()) {
      out.append(
          counts(v).stream()
              .map(ApiDiffText::cell)
              .collect(Collectors.joining(" | ", "| ", " |\n")));
    }
    if (report.isBreaking()) {
      out.append("\n### Breaking changes\n\n| version | operation | where | field | change |\n");
      out.append("| --- | --- | --- | --- | --- |\n");
      for (VersionDiff v : report.versions()) {
        for (Breaking b : v.breaking()) {
          out.append(
              Stream.of(v.version(), b.operation(), b.where(), b.field(), change(b))
                  .map(ApiDiffText::cell)
                  .collect(Collectors.joining(" | ", "| ", " |\n")));
        }
      }
    }
    lists(out, report, line -> "- " + cell(line) + "\n", "\n### %s\n\n");
    return out.toString();
  }

  /** {@code COMPATIBLE: ...} or {@code BREAKING: ...}, with the counts. */
  static String verdict(ApiDiffReport report) {
    if (!report.isBreaking()) {
      return "COMPATIBLE: no breaking change";
    }
    List<String> where =
        report.versions().stream()
            .filter(v -> !v.breaking().isEmpty())
            .map(VersionDiff::version)
            .toList();
    int count = report.breaking().size();
    return "BREAKING: "
        + count
        + " breaking change"
        + (count == 1 ? "" : "s")
        + " in "
        + String.join(", ", where)
        + "; a kept version must keep working (add a new version instead)";
  }

  private static String header(ApiDiffReport report) {
    return "pyramid api-diff: "
        + report.oldSource()
        + " -> "
        + report.newSource()
        + " (version segment "
        + report.versionPattern()
        + ", sunset dates judged on "
        + report.today()
        + ")";
  }

  private static List<String> counts(VersionDiff v) {
    return List.of(
        v.version(),
        v.status().name().toLowerCase(Locale.ROOT),
        Integer.toString(v.breaking().size()),
        Integer.toString(v.added().size()),
        Integer.toString(v.removed().size()),
        Integer.toString(v.deprecated().size()));
  }

  private static String change(Breaking b) {
    return b.change() + (b.origin() == Origin.PYRAMID ? " [Pyramid rule]" : "");
  }

  /** Added, removed after sunset, deprecated, warnings: one titled list each, when not empty. */
  private static void lists(
      StringBuilder out, ApiDiffReport report, Function<String, String> item, String title) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> deprecated = new ArrayList<>();
    for (VersionDiff v : report.versions()) {
      v.added().forEach(op -> added.add(op));
      v.removed().forEach(r -> removed.add(r.operation() + " (sunset " + r.sunset() + ")"));
      v.deprecated()
          .forEach(
              d ->
                  deprecated.add(
                      d.operation()
                          + (d.sunset() == null
                              ? " (no x-sunset: it can never be removed from this version)"
                              : " (sunset " + d.sunset() + ")")));
    }
    section(out, String.format(title, "Added (compatible)"), added, item);
    section(
        out, String.format(title, "Removed after their sunset date (compatible)"), removed, item);
    section(out, String.format(title, "Newly deprecated"), deprecated, item);
    section(out, String.format(title, "Parser warnings"), report.warnings(), item);
  }

  private static void section(
      StringBuilder out, String title, List<String> lines, Function<String, String> item) {
    if (!lines.isEmpty()) {
      out.append(title);
      lines.forEach(line -> out.append(item.apply(line)));
    }
  }

  /** Left-aligned columns, each as wide as its widest cell. */
  private static void columns(StringBuilder out, List<List<String>> rows) {
    int[] width = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", row.get(i)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
