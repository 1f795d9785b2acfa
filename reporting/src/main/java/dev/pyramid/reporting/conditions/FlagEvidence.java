package dev.pyramid.reporting.conditions;

import dev.pyramid.flags.FlagRegistry;
import dev.pyramid.reporting.results.FlagEvaluations;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the flag conditions judge: the registry the policy names and the flag evaluations of the
 * layers a condition reads. {@link #start} ends the evaluation early, failing closed, when the
 * policy names no registry (MISSING), a file of the layers could not be read (UNREADABLE), or no
 * test of them recorded an evaluation (MISSING: a build whose tests evaluate no flag cannot show a
 * flag tested).
 *
 * @param ended the finding to return at once; null when the condition can be judged
 */
record FlagEvidence(FlagRegistry registry, List<FlagEvaluations> files, Finding ended) {

  /** Sources for messages: where the evaluations come from. */
  static final String SOURCE = "sources.<layer>.flag-evaluations";

  /**
   * The registry and the evaluations of {@code layers}, or why they cannot be judged.
   *
   * @param needEvaluations false for a condition on the registry alone
   */
  static FlagEvidence start(
      Evaluation evaluation, List<Layer> layers, String expected, boolean needEvaluations) {
    Optional<FlagRegistry> registry = evaluation.flags().registry();
    if (registry.isEmpty()) {
      return ended(
          new Finding(
              expected,
              "n/a",
              Verdict.MISSING,
              List.of(),
              "the policy names no flag registry: add flags: { registry: flags/registry.flagd.json }"));
    }
    List<FlagEvaluations> files = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Layer layer : layers) {
      LayerEvidence evidence = evaluation.of(layer);
      files.addAll(evidence.flagEvaluations());
      evidence.flagEvaluations().forEach(file -> sources.add(file.file()));
      problems.addAll(evidence.problems());
    }
    if (needEvaluations && !problems.isEmpty()) {
      return ended(
          new Finding(
              expected,
              "n/a",
              Verdict.UNREADABLE,
              problems.stream().map(Problem::file).toList(),
              "evidence of "
                  + names(layers)
                  + " cannot be read: "
                  + problems.get(0).file()
                  + ": "
                  + problems.get(0).reason()));
    }
    if (needEvaluations && files.isEmpty()) {
      return ended(
          new Finding(
              expected,
              "n/a",
              Verdict.MISSING,
              sources,
              "no test of "
                  + names(layers)
                  + " recorded a flag evaluation ("
                  + SOURCE
                  + "; Pyramid's layer annotations record them)"));
    }
    return new FlagEvidence(registry.get(), files, null);
  }

  private static FlagEvidence ended(Finding finding) {
    return new FlagEvidence(null, List.of(), finding);
  }

  /** The files read, for a finding's evidence. */
  List<Path> sources() {
    return files.stream().map(FlagEvaluations::file).toList();
  }

  static String names(List<Layer> layers) {
    return layers.stream().map(Layer::id).collect(Collectors.joining(", "));
  }
}
