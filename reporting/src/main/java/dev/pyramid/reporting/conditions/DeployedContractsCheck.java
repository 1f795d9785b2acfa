package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.PactFile;
import dev.pyramid.reporting.results.StageVerification;
import dev.pyramid.reporting.results.StageVerification.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code deployed-contracts-verified} finds in the contract layer's verifications against a
 * stage: which of them are about the build the stage runs, which pacts and interactions they leave
 * unverified, and which interactions fail, each an item. Pacts are matched by their content's
 * SHA-256, never by path: the stage's pacts lie among its kept files, this build's wherever its
 * contract tests wrote them. One per evaluation; not thread-safe.
 */
final class DeployedContractsCheck {

  private final Baseline running;
  private final String stage;

  /** The build the stage runs, as the reports name it: {@code production's build c0ffee/42}. */
  private final String at;

  private final List<PactFile> candidatePacts;
  private final List<Path> evidence = new ArrayList<>();
  private final List<String> items = new ArrayList<>();
  private final Set<String> verifiedKept = new HashSet<>();
  private final Set<String> verifiedCandidate = new HashSet<>();

  /** Providers the stage does not run yet: this build's pacts with them need no check. */
  private final Set<String> newProviders = new HashSet<>();

  private final Map<String, PactFile> keptRead = new HashMap<>();
  private int failures;
  private int interactions;
  private int passed;
  private int unverified;
  private int otherStages;

  /** Whether any verification against the stage was read. */
  private boolean any;

  /**
   * A check against {@code running}, the build the stage runs, of this build whose pact files are
   * {@code candidatePacts}.
   */
  DeployedContractsCheck(Baseline running, List<PactFile> candidatePacts) {
    this.running = running;
    this.stage = running.stage();
    this.at = stage + "'s build " + running.build();
    this.candidatePacts = candidatePacts;
  }

  /**
   * Judges {@code verifications}: those of the stage that are about its build, the stage's pacts
   * against this build's providers first, then this build's pacts against the stage's providers.
   *
   * @throws IOException when a pact the stage runs cannot be read (its interactions and provider
   *     are read from it)
   */
  void judge(List<StageVerification> verifications) throws IOException {
    List<StageVerification> ofRunning = new ArrayList<>();
    for (StageVerification verification : verifications) {
      if (!verification.stage().equals(stage)) {
        otherStages++;
        continue;
      }
      any = true;
      evidence.add(verification.source());
      if (isOfRunning(verification)) {
        ofRunning.add(verification);
      }
    }
    if (!any) {
      fail("no verification against " + at + " ran (contract layer, stage-contracts evidence)");
    }
    for (StageVerification verification : ofRunning) {
      if (verification.direction() == Direction.STAGE_PACTS_AGAINST_CANDIDATE) {
        stagePactsAgainstCandidate(verification);
      }
    }
    for (Baseline.KeptFile kept : running.kept("pacts")) {
      evidence.add(kept.file());
      if (!verifiedKept.contains(kept.sha256())) {
        unverified++;
        fail(stage + "'s pact " + kept.path() + " was not verified against the candidate");
      }
    }
    for (StageVerification verification : ofRunning) {
      if (verification.direction() == Direction.CANDIDATE_PACTS_AGAINST_STAGE) {
        candidatePactsAgainstStage(verification);
      }
    }
    for (PactFile pact : candidatePacts) {
      evidence.add(pact.source());
      if (!verifiedCandidate.contains(pact.sha256()) && !newProviders.contains(pact.provider())) {
        unverified++;
        fail(
            pair(pact.consumer(), pact.provider())
                + ": this build's pact "
                + pact.source()
                + " was not verified against "
                + stage
                + "'s "
                + pact.provider());
      }
    }
    running.kept("artifacts").forEach(kept -> evidence.add(kept.file()));
  }

  /**
   * True when {@code verification} was run against the build the stage runs; otherwise its failure
   * is an item.
   */
  private boolean isOfRunning(StageVerification verification) {
    if (verification.stageBuild().isEmpty()) {
      fail(
          verification.source()
              + ": the contract tests found no build at "
              + stage
              + (verification.note().isEmpty() ? "" : " (" + verification.note() + ")")
              + ", which runs "
              + running.build()
              + "; history.deployed/stages/"
              + stage
              + ".json names it, written by pyramid promote and rollback: pass the history to"
              + " the tests (-Dpyramid.history=<history file>)");
      return false;
    }
    StageVerification.Build tested = verification.stageBuild().get();
    if (!tested.commit().equals(running.commit()) || !tested.buildId().equals(running.buildId())) {
      fail(
          verification.source()
              + ": verified against "
              + tested.commit()
              + "/"
              + tested.buildId()
              + ", "
              + stage
              + " runs "
              + running.build());
      return false;
    }
    return true;
  }

  /** The stage's kept pacts, verified against this build's provider. */
  private void stagePactsAgainstCandidate(StageVerification verification) throws IOException {
    for (StageVerification.VerifiedPact pact : verification.pacts()) {
      String pair = pair(pact.consumer(), pact.provider());
      Optional<Baseline.KeptFile> kept =
          running.kept("pacts").stream()
              .filter(file -> file.sha256().equals(pact.sha256()))
              .findFirst();
      if (kept.isEmpty()) {
        fail(
            pair
                + ": "
                + pact.path()
                + " ("
                + verification.source()
                + ") is not a pact "
                + stage
                + " runs: none of "
                + at
                + "'s kept pacts has its SHA-256");
        continue;
      }
      verifiedKept.add(pact.sha256());
      interactions(
          pact,
          read(kept.get()).interactions(),
          " fails against the candidate " + pact.provider(),
          " (" + stage + "'s pact)",
          stage + "'s pact " + pact.path());
    }
  }

  /** This build's pacts, verified against the stage's provider started from its kept artifact. */
  private void candidatePactsAgainstStage(StageVerification verification) throws IOException {
    String provider = verification.provider();
    if (verification.artifact().isEmpty()) {
      if (keptProviders().contains(provider)) {
        fail(
            stage
                + " kept no artifact of "
                + provider
                + " to start; its consumers' pacts cannot be checked against it ("
                + verification.source()
                + "; deployed.artifacts)");
      } else {
        newProviders.add(provider);
        items.add(
            provider
                + " is new at "
                + stage
                + " (no pact it runs has it as provider): nothing deployed to check this build's"
                + " pacts with it against");
      }
      return;
    }
    StageVerification.Artifact artifact = verification.artifact().get();
    if (running.kept("artifacts").stream()
        .noneMatch(kept -> kept.sha256().equals(artifact.sha256()))) {
      fail(
          verification.source()
              + ": "
              + provider
              + " was started from "
              + artifact.path()
              + ", which is not an artifact "
              + at
              + " kept (none has its SHA-256)");
      return;
    }
    for (StageVerification.VerifiedPact pact : verification.pacts()) {
      String pair = pair(pact.consumer(), pact.provider());
      Optional<PactFile> mine =
          candidatePacts.stream().filter(file -> file.sha256().equals(pact.sha256())).findFirst();
      if (mine.isEmpty()) {
        fail(
            pair
                + ": "
                + pact.path()
                + " ("
                + verification.source()
                + ") is not a pact file of this build: none of sources.contract.pacts has its"
                + " SHA-256");
        continue;
      }
      verifiedCandidate.add(pact.sha256());
      interactions(
          pact,
          mine.get().interactions(),
          " fails against " + stage + "'s " + pact.provider() + " (" + artifact.path() + ")",
          "",
          "this build's pact " + pact.path());
    }
  }

  /**
   * Counts the interactions of {@code pact}, each failed one an item ({@code fails} and {@code
   * whose} around its message), and each of the pact's {@code declared} interactions it has no
   * result for; {@code which} names the pact in those items.
   */
  private void interactions(
      StageVerification.VerifiedPact pact,
      List<String> declared,
      String fails,
      String whose,
      String which) {
    String pair = pair(pact.consumer(), pact.provider());
    Set<String> results = new HashSet<>();
    for (StageVerification.Interaction interaction : pact.interactions()) {
      results.add(interaction.description());
      interactions++;
      if (interaction.passed()) {
        passed++;
      } else {
        fail(
            pair
                + ": '"
                + interaction.description()
                + "'"
                + fails
                + (interaction.message().isEmpty() ? "" : ": " + interaction.message())
                + whose);
      }
    }
    if (pact.interactions().isEmpty()) {
      fail(pair + ": " + which + " has no interaction verified");
      return;
    }
    for (String description : new LinkedHashSet<>(declared)) {
      if (!results.contains(description)) {
        fail(pair + ": '" + description + "' of " + which + " has no result");
      }
    }
  }

  /** The providers of the pacts the stage runs. */
  private Set<String> keptProviders() throws IOException {
    Set<String> providers = new HashSet<>();
    for (Baseline.KeptFile kept : running.kept("pacts")) {
      providers.add(read(kept).provider());
    }
    return providers;
  }

  /** A pact the stage runs, read once. */
  private PactFile read(Baseline.KeptFile kept) throws IOException {
    PactFile pact = keptRead.get(kept.path());
    if (pact == null) {
      pact = kept.readPact();
      keptRead.put(kept.path(), pact);
    }
    return pact;
  }

  private void fail(String item) {
    failures++;
    items.add(item);
  }

  private static String pair(String consumer, String provider) {
    return consumer + " → " + provider;
  }

  /** The failures found; none when the contracts hold. */
  int failures() {
    return failures;
  }

  /** Each failure, and what passed only because the stage does not run a provider yet. */
  List<String> items() {
    return items;
  }

  /** The verification files of the stage, the pacts compared and the artifacts kept. */
  List<Path> evidence() {
    return evidence;
  }

  /** E.g. {@code 14/14 interactions verified both ways against c0ffee/42}. */
  String actual() {
    if (!any) {
      return "no verification against " + running.build();
    }
    return passed
        + "/"
        + interactions
        + " interactions verified both ways against "
        + running.build()
        + (unverified == 0 ? "" : ", " + unverified + " pact(s) not verified");
  }

  String note() {
    return "against "
        + at
        + " (the build the history says it runs)"
        + (otherStages == 0
            ? ""
            : "; " + otherStages + " verification file(s) of other stages not used");
  }
}
