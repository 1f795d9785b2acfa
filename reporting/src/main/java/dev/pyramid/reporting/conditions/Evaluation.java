package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.flags.FlagFiles;
import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a condition is evaluated against: the build's evidence, the stage's baseline and the failed
 * tests that quarantine entries cover.
 *
 * @param stage the stage decided for
 * @param baseline the build the stage runs (the last promoted to it, less rollbacks): its figures,
 *     tests and kept files; empty when there is none yet
 * @param quarantined the failed tests a quarantine entry covers, valid or expired, of every layer
 *     decided
 * @param retired the ids of tests removed or renamed on purpose (a valid {@code retired} entry of
 *     quarantine.yml), which do not count as vanished
 * @param today the day dates are judged on (an API operation's sunset, a flag's removal)
 * @param required the layers the stage requires, which conditions across layers read
 * @param flags the flag registry and the stages' flag files the policy names
 */
public record Evaluation(
    Evidence evidence,
    String stage,
    Optional<Baseline> baseline,
    List<QuarantinedFailure> quarantined,
    Set<String> retired,
    LocalDate today,
    List<Layer> required,
    FlagFiles flags) {

  public Evaluation {
    quarantined = List.copyOf(quarantined);
    retired = Set.copyOf(retired);
    required = List.copyOf(required);
  }

  /** The evidence of {@code layer}; never null. */
  public LayerEvidence of(Layer layer) {
    return evidence.of(layer);
  }

  /** Whether {@code layer} has evidence to judge: PASS when it has, else MISSING or UNREADABLE. */
  public Verdict availability(Layer layer) {
    return availability(evidence.of(layer));
  }

  /**
   * Whether a layer's evidence can be judged: UNREADABLE when a file could not be read or trusted;
   * MISSING when there is no file, no executed test (for perf: no Gatling statistics) or a file
   * says its tests never ran (no browser could start); PASS otherwise.
   */
  public static Verdict availability(LayerEvidence evidence) {
    if (evidence.problems().stream().anyMatch(p -> !p.missing())) {
      return Verdict.UNREADABLE;
    }
    if (!evidence.problems().isEmpty()) {
      return Verdict.MISSING;
    }
    if (evidence.layer() == Layer.PERF) {
      return evidence.requests().isEmpty() ? Verdict.MISSING : Verdict.PASS;
    }
    if (evidence.sources().isEmpty() || evidence.counts().executed() == 0) {
      return Verdict.MISSING;
    }
    return Verdict.PASS;
  }
}
