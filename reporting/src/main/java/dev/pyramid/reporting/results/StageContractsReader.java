package dev.pyramid.reporting.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the contract layer's verifications against what a stage runs ({@code
 * target/pyramid/stage-contracts/*.json}, written by the framework's contract tests; {@code
 * "pyramid": "stage-contracts"}, schema version {@value #SCHEMA_VERSION}), for {@code
 * deployed-contracts-verified}. A file not of this format (another {@code pyramid} value, a newer
 * schema, a field missing or of the wrong type) is unreadable evidence naming the file and the
 * field: the condition fails closed on what it cannot read, and nothing is skipped. Thread-safe.
 */
final class StageContractsReader implements EvidenceReader<StageVerification> {

  /** The schema version this gate reads. */
  static final int SCHEMA_VERSION = 1;

  @Override
  public String key() {
    return "stage-contracts";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.CONTRACT
        ? List.of("**/target/pyramid/stage-contracts/*.json")
        : List.of();
  }

  @Override
  public StageVerification read(Path file, byte[] bytes, int length)
      throws UnreadableEvidenceException {
    return read(file, Arrays.copyOf(bytes, length));
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<StageVerification> verifications) {
    layer.addStageVerifications(verifications);
  }

  /** Reads the evidence {@code file} whose content is {@code bytes}. */
  StageVerification read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    PyramidJson fields =
        new PyramidJson(
            file, key(), SCHEMA_VERSION, "sources.contract.stage-contracts", "the contract tests");
    JsonNode root = fields.read(bytes);
    StageVerification.Direction direction = direction(root, fields);
    String stage = fields.text(root, "stage");
    JsonNode build = fields.present(root, "stageBuild");
    Optional<StageVerification.Build> stageBuild =
        build.isNull()
            ? Optional.empty()
            : Optional.of(
                new StageVerification.Build(
                    fields.text(fields.object(build, "stageBuild"), "stageBuild.commit"),
                    fields.text(build, "stageBuild.buildId")));
    String note = fields.optionalText(root, "note");
    JsonNode provider = fields.object(fields.present(root, "provider"), "provider");
    String name = fields.text(provider, "provider.name");
    String providerBuild = fields.text(provider, "provider.build");
    if (!providerBuild.equals(direction.providerBuild())) {
      throw fields.wrong(
          "provider.build", "\"" + direction.providerBuild() + "\" for " + direction.id());
    }
    Optional<StageVerification.Artifact> artifact = artifact(provider, direction, fields);
    JsonNode pacts = fields.array(root, "pacts");
    List<StageVerification.VerifiedPact> verified = new ArrayList<>();
    for (int i = 0; i < pacts.size(); i++) {
      verified.add(
          pact(fields.object(pacts.get(i), "pacts[" + i + "]"), "pacts[" + i + "]", fields));
    }
    return new StageVerification(
        direction, stage, stageBuild, note, name, artifact, verified, file);
  }

  private static StageVerification.Direction direction(JsonNode root, PyramidJson fields)
      throws UnreadableEvidenceException {
    String id = fields.text(root, "direction");
    for (StageVerification.Direction direction : StageVerification.Direction.values()) {
      if (direction.id().equals(id)) {
        return direction;
      }
    }
    throw fields.wrong(
        "direction",
        "\""
            + StageVerification.Direction.STAGE_PACTS_AGAINST_CANDIDATE.id()
            + "\" or \""
            + StageVerification.Direction.CANDIDATE_PACTS_AGAINST_STAGE.id()
            + "\"");
  }

  /**
   * {@code provider.artifact}: required (an object, or null when nothing was started) when the
   * stage's provider was verified; absent or null otherwise.
   */
  private static Optional<StageVerification.Artifact> artifact(
      JsonNode provider, StageVerification.Direction direction, PyramidJson fields)
      throws UnreadableEvidenceException {
    if (direction == StageVerification.Direction.STAGE_PACTS_AGAINST_CANDIDATE) {
      if (!provider.path("artifact").isMissingNode() && !provider.path("artifact").isNull()) {
        throw fields.wrong("provider.artifact", "absent or null for " + direction.id());
      }
      return Optional.empty();
    }
    JsonNode artifact = fields.present(provider, "provider.artifact");
    if (artifact.isNull()) {
      return Optional.empty();
    }
    fields.object(artifact, "provider.artifact");
    return Optional.of(
        new StageVerification.Artifact(
            fields.text(artifact, "provider.artifact.path"),
            fields.sha256(artifact, "provider.artifact.sha256")));
  }

  private static StageVerification.VerifiedPact pact(
      JsonNode pact, String where, PyramidJson fields) throws UnreadableEvidenceException {
    JsonNode interactions = fields.array(pact, where + ".interactions");
    List<StageVerification.Interaction> results = new ArrayList<>();
    for (int i = 0; i < interactions.size(); i++) {
      String at = where + ".interactions[" + i + "]";
      JsonNode interaction = fields.object(interactions.get(i), at);
      String description = fields.text(interaction, at + ".description");
      String result = fields.text(interaction, at + ".result");
      if (!result.equals("passed") && !result.equals("failed")) {
        throw fields.wrong(at + ".result", "\"passed\" or \"failed\"");
      }
      String message = fields.optionalText(interaction, at + ".message");
      results.add(new StageVerification.Interaction(description, result.equals("passed"), message));
    }
    return new StageVerification.VerifiedPact(
        fields.text(pact, where + ".path"),
        fields.sha256(pact, where + ".sha256"),
        fields.text(pact, where + ".consumer"),
        fields.text(pact, where + ".provider"),
        results);
  }
}
