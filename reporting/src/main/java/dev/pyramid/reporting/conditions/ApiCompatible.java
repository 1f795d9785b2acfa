package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.apidiff.ApiDiff;
import dev.pyramid.reporting.apidiff.ApiDiffReport;
import dev.pyramid.reporting.apidiff.ApiDiffRules;
import dev.pyramid.reporting.apidiff.ApiDocument;
import dev.pyramid.reporting.apidiff.ApiDocumentReader;
import dev.pyramid.reporting.apidiff.UnreadableApiDocumentException;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code api-compatible}: every service's OpenAPI document in this build is backward compatible
 * with the same service's document in the build the stage runs (what {@code pyramid promote} kept
 * of it), under {@code pyramid api-diff}'s rules: version by version, a new version is an addition,
 * a removal is compatible only after its sunset date. A service is its document's file name.
 *
 * <p>A service the stage runs whose document this build lacks is breaking too: its clients are
 * still there. A service new in this build is an addition. With no build at the stage yet, or one
 * that kept no documents, the verdict is {@link Verdict#NO_BASELINE}, reported.
 *
 * <p>The option {@code sunset} gives sunset dates in place of the documents' {@code x-sunset}, as
 * {@code pyramid api-diff --sunset} does ({@link SunsetDates}): a team that announced a date
 * elsewhere than in the document the stage runs writes it in the policy, beside the condition.
 */
final class ApiCompatible implements ConditionKind {

  @Override
  public String key() {
    return "api-compatible";
  }

  @Override
  public Scope scope() {
    return Scope.only(Layer.CONTRACT);
  }

  @Override
  public Set<String> options() {
    return Set.of(SunsetDates.OPTION);
  }

  @Override
  public String summary() {
    return "every service's OpenAPI document is backward compatible with the one the stage runs"
        + " (pyramid api-diff's rules: per version; a removal only once deprecated and past its"
        + " sunset date: the document's x-sunset, or the option sunset: { \"v1\": 2026-03-31,"
        + " \"DELETE /v1/rides/{id}\": 2026-04-30 }, by version or operation, as api-diff --sunset)";
  }

  @Override
  public String example() {
    return "{ api-compatible: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.CONTRACT;
  }

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    value.isTrue();
    SunsetDates.read(value);
    return null;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(Layer.CONTRACT);
    String expected = "compatible with the stage";
    if (!layer.problems().isEmpty()) {
      return new Finding(expected, "n/a", Evaluation.availability(layer), layer.sources(), "");
    }
    if (layer.apiDocuments().isEmpty()) {
      return new Finding(
          expected,
          "n/a",
          Verdict.MISSING,
          layer.sources(),
          "no OpenAPI document found (sources.contract.openapi)");
    }
    AgainstStage start =
        AgainstStage.start(
            evaluation, layer, expected, List.of("api"), "no API documents (deployed.api)");
    if (start.ended() != null) {
      return start.ended();
    }
    Map<String, ApiDocument> candidate = new LinkedHashMap<>();
    for (ApiDocument doc : layer.apiDocuments()) {
      ApiDocument other = candidate.put(service(Path.of(doc.source())), doc);
      if (other != null) {
        return new Finding(
            expected,
            "n/a",
            Verdict.UNREADABLE,
            layer.sources(),
            "two documents of service "
                + service(Path.of(doc.source()))
                + ": "
                + other.source()
                + " and "
                + doc.source()
                + "; a service is named by its document's file name: rename one, or narrow"
                + " sources.contract.openapi");
      }
    }
    Map<String, LocalDate> sunsets = SunsetDates.of(condition);
    ApiDiffRules rules =
        new ApiDiffRules(
            Pattern.compile(ApiDiffRules.DEFAULT_VERSION_PATTERN), evaluation.today(), sunsets);
    List<String> breaking = new ArrayList<>();
    List<Path> evidence = new ArrayList<>(layer.sources());
    int compared = 0;
    for (Path kept : start.running().api()) {
      evidence.add(kept);
      String service = service(kept);
      ApiDocument running;
      try {
        running = ApiDocumentReader.read(kept.toString());
      } catch (UnreadableApiDocumentException e) {
        return new Finding(
            expected,
            "n/a",
            Verdict.UNREADABLE,
            evidence,
            "the document the stage runs cannot be read: " + e.getMessage());
      }
      ApiDocument now = candidate.get(service);
      if (now == null) {
        breaking.add(service + ": its document is gone, while the stage serves it");
        continue;
      }
      compared++;
      ApiDiffReport report = ApiDiff.compare(running, now, rules);
      for (ApiDiffReport.Breaking change : report.breaking()) {
        breaking.add(service + ": " + describe(change));
      }
    }
    String actual = breaking.isEmpty() ? "compatible" : breaking.size() + " breaking";
    String note =
        compared
            + " service(s) compared with build "
            + start.running().buildId()
            + " (the "
            + start.running().stage()
            + " stage runs it)"
            + (sunsets.isEmpty() ? "" : "; sunset dates from the policy: " + sunsets)
            + (breaking.isEmpty() ? "" : "; a kept version must keep working: add a new version");
    return new Finding(
        expected,
        actual,
        breaking.isEmpty() ? Verdict.PASS : Verdict.FAIL,
        evidence,
        note,
        breaking);
  }

  /** As {@code pyramid api-diff} lists it: operation, where, field, change. */
  private static String describe(ApiDiffReport.Breaking change) {
    return change.operation()
        + (change.where() == null || change.where().isEmpty() ? "" : ", " + change.where())
        + (change.field() == null || change.field().isEmpty() ? "" : ", " + change.field())
        + ": "
        + change.change();
  }

  /** A service is named by its document's file name, without the extension. */
  private static String service(Path document) {
    String name = document.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
