package dev.pyramid.framework.api.pact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.framework.api.stage.EvidenceFile;
import dev.pyramid.framework.api.stage.KeptFile;
import dev.pyramid.framework.api.stage.StageBuild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evidence file of one verification against a stage, {@code
 * target/pyramid/stage-contracts/<test class>.json}, which the gate's {@code
 * deployed-contracts-verified} reads (schema 1): the direction, the stage and the build it runs,
 * the provider verified (the candidate, or the stage's artifact with its SHA-256), and each pact
 * with its SHA-256 and every interaction's outcome.
 */
record StageContractsEvidence(
    Class<?> testClass,
    StageBuild.Lookup lookup,
    String provider,
    boolean stagePacts,
    KeptFile artifact,
    List<StagePactsLoader.StagePactFile> keptPacts,
    String note) {

  static final String STAGE_PACTS = "stage-pacts-against-candidate";
  static final String CANDIDATE_PACTS = "candidate-pacts-against-stage";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One interaction verified: {@code failure} is null when it passed. */
  record Outcome(Path pactFile, String consumer, String description, String failure) {}

  static StageContractsEvidence of(
      Class<?> testClass,
      StageBuild.Lookup lookup,
      String provider,
      boolean stagePacts,
      KeptFile artifact,
      List<StagePactsLoader.StagePactFile> keptPacts) {
    return new StageContractsEvidence(
        testClass, lookup, provider, stagePacts, artifact, List.copyOf(keptPacts), null);
  }

  StageContractsEvidence withNote(String note) {
    return new StageContractsEvidence(
        testClass, lookup, provider, stagePacts, artifact, keptPacts, note);
  }

  /** Where the file goes, relative to the working directory (the module, under Maven). */
  Path file() {
    return Path.of("target", "pyramid", "stage-contracts", testClass.getSimpleName() + ".json");
  }

  /** Writes the file (atomically: the gate never reads half of one). */
  void write(List<Outcome> outcomes) {
    ObjectNode root = EvidenceFile.head("stage-contracts", lookup, note);
    root.put("direction", stagePacts ? STAGE_PACTS : CANDIDATE_PACTS);
    root.put("testClass", testClass.getName());
    ObjectNode providerNode = root.putObject("provider");
    providerNode.put("name", provider);
    providerNode.put("build", stagePacts ? "candidate" : "stage");
    if (!stagePacts) {
      if (artifact == null) {
        providerNode.putNull("artifact");
      } else {
        providerNode.set("artifact", EvidenceFile.file(artifact.path(), artifact.sha256()));
      }
    }
    ArrayNode pacts = root.putArray("pacts");
    (stagePacts ? keptPactsWith(outcomes) : candidatePactsWith(outcomes)).forEach(pacts::add);
    EvidenceFile.write(file(), root);
  }

  /** The stage's pacts, each with the outcomes of the interactions read from it. */
  private List<ObjectNode> keptPactsWith(List<Outcome> outcomes) {
    List<ObjectNode> nodes = new ArrayList<>();
    for (StagePactsLoader.StagePactFile pact : keptPacts) {
      Path location = pact.kept().location().toAbsolutePath().normalize();
      List<Outcome> own =
          outcomes.stream()
              .filter(
                  outcome ->
                      outcome.pactFile() != null
                          && outcome.pactFile().toAbsolutePath().normalize().equals(location))
              .toList();
      nodes.add(pactNode(pact.kept().path(), pact.kept().sha256(), pact.consumer(), own));
    }
    return nodes;
  }

  /** The candidate's pacts, as Pact read them, each with its outcomes. */
  private List<ObjectNode> candidatePactsWith(List<Outcome> outcomes) {
    Map<Path, List<Outcome>> byFile = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      Path file =
          Objects.requireNonNull(
              outcome.pactFile(),
              () ->
                  "Pact read '"
                      + outcome.consumer()
                      + "''s pact from no file: "
                      + testClass.getName()
                      + " must read the candidate's pacts from files (@PactFolder)");
      byFile
          .computeIfAbsent(file.toAbsolutePath().normalize(), key -> new ArrayList<>())
          .add(outcome);
    }
    Path here = Path.of("").toAbsolutePath();
    List<ObjectNode> nodes = new ArrayList<>();
    byFile.forEach(
        (file, own) ->
            nodes.add(
                pactNode(
                    here.relativize(file).toString().replace('\\', '/'),
                    EvidenceFile.sha256(file),
                    own.get(0).consumer(),
                    own)));
    return nodes;
  }

  private ObjectNode pactNode(String path, String sha256, String consumer, List<Outcome> outcomes) {
    ObjectNode node = JSON.createObjectNode();
    node.put("path", path);
    node.put("sha256", sha256);
    node.put("consumer", consumer);
    node.put("provider", provider);
    ArrayNode interactions = node.putArray("interactions");
    for (Outcome outcome : outcomes) {
      ObjectNode interaction = interactions.addObject();
      interaction.put("description", outcome.description());
      interaction.put("result", outcome.failure() == null ? "passed" : "failed");
      if (outcome.failure() != null) {
        interaction.put("message", outcome.failure());
      }
    }
    return node;
  }
}
