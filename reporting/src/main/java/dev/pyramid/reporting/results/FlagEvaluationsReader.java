package dev.pyramid.reporting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the flag evaluations the framework recorded per test ({@code
 * target/pyramid/flag-evaluations/<layer>-<pid>.json}; {@code "pyramid": "flag-evaluations"},
 * schema version {@value #SCHEMA_VERSION}), for the flag conditions. The layer a file names must be
 * one whose globs matched it. A file not of this format (a field missing or of the wrong type, a
 * newer schema) is unreadable evidence naming the file and the field: the flag conditions fail
 * closed on it. Thread-safe.
 */
final class FlagEvaluationsReader implements EvidenceReader<FlagEvaluations> {

  /** The schema version this gate reads. */
  static final int SCHEMA_VERSION = 1;

  @Override
  public String key() {
    return "flag-evaluations";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.PERF
        ? List.of()
        : List.of("**/target/pyramid/flag-evaluations/" + layer.id() + "-*.json");
  }

  @Override
  public FlagEvaluations read(Path file, byte[] bytes, int length)
      throws UnreadableEvidenceException {
    return read(file, Arrays.copyOf(bytes, length));
  }

  @Override
  public int layers(Path path, FlagEvaluations value, int matching)
      throws UnreadableEvidenceException {
    int bit = 1 << value.layer().ordinal();
    if ((matching & bit) == 0) {
      throw new UnreadableEvidenceException(
          path,
          "records the "
              + value.layer().id()
              + " layer's evaluations, but lies where the policy's sources look for another"
              + " layer's (sources.<layer>.flag-evaluations)");
    }
    return bit;
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<FlagEvaluations> files) {
    layer.addFlagEvaluations(files);
  }

  FlagEvaluations read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    PyramidJson fields =
        new PyramidJson(
            file, key(), SCHEMA_VERSION, "sources.<layer>.flag-evaluations", "the framework");
    JsonNode root = fields.read(bytes);
    String layerId = fields.text(root, "layer");
    Layer layer =
        Layer.byId(layerId)
            .filter(l -> l != Layer.PERF)
            .orElseThrow(() -> fields.wrong("layer", "unit, contract or e2e"));
    JsonNode tests = fields.array(root, "tests");
    List<FlagEvaluations.TestRun> runs = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      String at = "tests[" + i + "]";
      JsonNode test = fields.object(tests.get(i), at);
      runs.add(
          new FlagEvaluations.TestRun(
              fields.text(test, at + ".test"),
              fields.text(test, at + ".display"),
              outcome(fields.text(test, at + ".outcome"), at + ".outcome", fields),
              stageFlags(test, at, fields),
              evaluations(
                  fields.array(test, at + ".evaluations"), at + ".evaluations", true, fields)));
    }
    List<FlagEvaluations.Evaluated> outside =
        evaluations(fields.array(root, "outsideTests"), "outsideTests", false, fields);
    return new FlagEvaluations(file, layer, runs, outside);
  }

  private static FlagEvaluations.Outcome outcome(String text, String where, PyramidJson fields)
      throws UnreadableEvidenceException {
    try {
      return FlagEvaluations.Outcome.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw fields.wrong(where, "\"passed\", \"failed\" or \"skipped\"");
    }
  }

  private static Optional<FlagEvaluations.StageFlagsRun> stageFlags(
      JsonNode test, String at, PyramidJson fields) throws UnreadableEvidenceException {
    JsonNode node = test.path("stageFlags");
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    String where = at + ".stageFlags";
    fields.object(node, where);
    return Optional.of(
        new FlagEvaluations.StageFlagsRun(
            fields.text(node, where + ".stage"),
            fields.text(node, where + ".file"),
            fields.sha256(node, where + ".sha256")));
  }

  private static List<FlagEvaluations.Evaluated> evaluations(
      JsonNode array, String where, boolean inTest, PyramidJson fields)
      throws UnreadableEvidenceException {
    List<FlagEvaluations.Evaluated> evaluations = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = where + "[" + i + "]";
      JsonNode evaluation = fields.object(array.get(i), at);
      JsonNode variant = fields.present(evaluation, at + ".variant");
      if (!variant.isNull() && !variant.isTextual()) {
        throw fields.wrong(at + ".variant", "a variant's name, or null");
      }
      JsonNode alone = evaluation.path("alone");
      if (inTest && !alone.isBoolean()) {
        throw fields.wrong(at + ".alone", "true or false");
      }
      JsonNode count = evaluation.path("count");
      if (!count.canConvertToInt() || !count.isIntegralNumber() || count.asInt() < 1) {
        throw fields.wrong(at + ".count", "a whole number, at least 1");
      }
      evaluations.add(
          new FlagEvaluations.Evaluated(
              fields.text(evaluation, at + ".flag"),
              variant.isNull() ? Optional.empty() : Optional.of(variant.asText()),
              fields.present(evaluation, at + ".value"),
              fields.text(evaluation, at + ".reason"),
              Optional.of(fields.optionalText(evaluation, at + ".errorCode"))
                  .filter(code -> !code.isEmpty()),
              inTest && alone.asBoolean(),
              count.asInt()));
    }
    return evaluations;
  }
}
