package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.apidiff.ApiDiff;
import dev.pyramid.reporting.apidiff.ApiDiffReport;
import dev.pyramid.reporting.apidiff.ApiDiffRules;
import dev.pyramid.reporting.apidiff.ApiDocument;
import dev.pyramid.reporting.apidiff.ApiDocumentReader;
import dev.pyramid.reporting.apidiff.UnreadableApiDocumentException;
import dev.pyramid.reporting.render.ApiDiffJson;
import dev.pyramid.reporting.render.ApiDiffText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pyramid api-diff OLD NEW}: whether NEW keeps every promise OLD made to its consumers. */
@Command(
    name = "api-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two OpenAPI 3.0 documents (files or http(s) URLs) version by",
      "version: /v1/... only with /v1/...; a version only in NEW is an addition.",
      "Lists every backward-incompatible change of a kept version (openapi-diff's,",
      "and response properties removed). Removing an operation or a whole version",
      "is compatible only once OLD deprecated it with a sunset date (x-sunset, or",
      "--sunset) on or before today. OpenAPI 3.1 is refused (openapi-diff misses",
      "its type changes). Prints a table; --markdown and --json write the same",
      "findings to files."
    })
final class ApiDiffCommand implements Subcommand {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The document consumers rely on.")
  private String before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The candidate document.")
  private String after;

  @Option(
      names = "--version-pattern",
      paramLabel = "REGEX",
      defaultValue = ApiDiffRules.DEFAULT_VERSION_PATTERN,
      description =
          "A path segment this matches whole is the path's version (default: ${DEFAULT-VALUE}).")
  private String versionPattern;

  @Option(
      names = "--today",
      paramLabel = "YYYY-MM-DD",
      description = "The day sunset dates are judged on (default: today).")
  private LocalDate today;

  @Option(
      names = "--sunset",
      paramLabel = "OPERATION=DATE",
      description =
          "A sunset date in place of the documents' x-sunset: 'DELETE /v1/rides/{id}=2025-06-30'"
              + " for one operation, 'v1=2025-06-30' for every operation of a version."
              + " Repeatable.")
  private Map<String, LocalDate> sunsets = new LinkedHashMap<>();

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Also write the findings as Markdown.")
  private Path markdown;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the findings as JSON.")
  private Path json;

  @Override
  public List<ExitCode> exitCodes() {
    return List.of(
        ExitCode.COMPATIBLE,
        ExitCode.BREAKING,
        ExitCode.UNREADABLE,
        ExitCode.USAGE_OR_POLICY_ERROR);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pattern version;
    try {
      version = Pattern.compile(versionPattern);
    } catch (PatternSyntaxException e) {
      err.println("api-diff: --version-pattern is not a regular expression: " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
    ApiDiffRules rules =
        new ApiDiffRules(version, today == null ? LocalDate.now() : today, sunsets);
    ApiDiffReport report;
    try {
      ApiDocument old = ApiDocumentReader.read(before);
      ApiDocument now = ApiDocumentReader.read(after);
      report = ApiDiff.compare(old, now, rules);
    } catch (UnreadableApiDocumentException e) {
      err.println("api-diff: cannot compare: " + e.getMessage());
      return ExitCode.UNREADABLE.code();
    } catch (RuntimeException e) {
      // openapi-diff throws on documents it cannot walk (say a $ref to nothing): not a pass.
      err.println("api-diff: openapi-diff failed on " + before + " -> " + after + ": " + e);
      return ExitCode.UNREADABLE.code();
    }
    out.print(ApiDiffText.table(report));
    out.flush();
    try {
      write(markdown, ApiDiffText.markdown(report));
      write(json, ApiDiffJson.render(report));
    } catch (IOException e) {
      err.println("api-diff: cannot write " + e.getMessage());
      return ExitCode.USAGE_OR_POLICY_ERROR.code();
    }
    return (report.isBreaking() ? ExitCode.BREAKING : ExitCode.COMPATIBLE).code();
  }

  private static void write(Path file, String text) throws IOException {
    if (file == null) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text);
  }
}
