package dev.pyramid.reporting.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One verification of the contract layer against what a stage runs, as the contract tests record it
 * ({@code target/pyramid/stage-contracts/*.json}): pacts of one side verified against one provider
 * of the other, the stage's build or this one. The gate holds it to the build the history says the
 * stage runs ({@code deployed-contracts-verified}); the tests found theirs by the stage's pointer.
 *
 * @param stage the stage whose build was verified against
 * @param stageBuild the build the tests found running at the stage; empty when they found none
 * @param note why nothing was verified, when the tests say so; empty otherwise
 * @param provider the provider's name
 * @param artifact for {@link Direction#CANDIDATE_PACTS_AGAINST_STAGE}, what the stage's provider
 *     was started from; empty when the stage kept no artifact of it (nothing was started), and for
 *     the other direction
 * @param pacts the pacts verified, each with its interactions' results
 * @param source the evidence file
 */
public record StageVerification(
    Direction direction,
    String stage,
    Optional<Build> stageBuild,
    String note,
    String provider,
    Optional<Artifact> artifact,
    List<VerifiedPact> pacts,
    Path source) {

  public StageVerification {
    pacts = List.copyOf(pacts);
  }

  /** Which side's pacts were verified against which side's provider. */
  public enum Direction {
    /** The pacts the stage's build kept, verified against this build's provider. */
    STAGE_PACTS_AGAINST_CANDIDATE("stage-pacts-against-candidate", "candidate"),
    /** This build's pacts, verified against the stage's provider, started from its artifact. */
    CANDIDATE_PACTS_AGAINST_STAGE("candidate-pacts-against-stage", "stage");

    private final String id;
    private final String providerBuild;

    Direction(String id, String providerBuild) {
      this.id = id;
      this.providerBuild = providerBuild;
    }

    /** As the evidence file writes it. */
    public String id() {
      return id;
    }

    /** Whose provider was verified, as the evidence file's {@code provider.build} writes it. */
    public String providerBuild() {
      return providerBuild;
    }
  }

  /** A build, as the tests found it at the stage. */
  public record Build(String commit, String buildId) {}

  /**
   * A file the stage's provider was started from.
   *
   * @param path where the tests found it (in the stage's kept files)
   * @param sha256 the SHA-256 of its content (lower-case hex)
   */
  public record Artifact(String path, String sha256) {}

  /**
   * One pact verified.
   *
   * @param path where the tests read it
   * @param sha256 the SHA-256 of its bytes (lower-case hex), which names it wherever it lies
   */
  public record VerifiedPact(
      String path,
      String sha256,
      String consumer,
      String provider,
      List<Interaction> interactions) {

    public VerifiedPact {
      interactions = List.copyOf(interactions);
    }
  }

  /**
   * One interaction's result.
   *
   * @param message the first line of the mismatch when it failed; empty otherwise
   */
  public record Interaction(String description, boolean passed, String message) {}
}
