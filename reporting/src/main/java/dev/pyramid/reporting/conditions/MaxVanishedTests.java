package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Baseline;
import dev.pyramid.reporting.results.ExecutedTests;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.TestCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code max-vanished-tests}: at most N tests that the baseline (the last build promoted to the
 * stage) executed and of which this build has no result at all.
 *
 * <p>A crashed test JVM leaves results only for the classes that finished, each complete and
 * well-formed: the build looks like a green run with fewer tests, and only the tests that are gone
 * show it. A test removed or renamed on purpose vanishes too; the decision names every one, so that
 * a reviewer tells the two apart, and one removed on purpose is retired in quarantine.yml ({@code
 * retired:}, the same entries as quarantined tests: test, owner, reason, expires), which this
 * condition does not count while the entry is valid. A test this build skipped has a result: {@code
 * max-skipped} counts it.
 *
 * <p>With no baseline yet, or a baseline promoted before its tests were kept, the verdict is {@link
 * Verdict#NO_BASELINE}, reported. A baseline whose kept tests are missing or altered cannot be
 * compared with: unreadable, so the gate answers INCOMPLETE rather than promote.
 */
final class MaxVanishedTests implements ConditionKind {

  @Override
  public String key() {
    return "max-vanished-tests";
  }

  @Override
  public Scope scope() {
    return Scope.testedLayer();
  }

  @Override
  public String summary() {
    return "tests the stage's baseline (the last build promoted to it) executed and this build has"
        + " no result for (a crashed test JVM, a deleted or renamed test) <= N; each is named";
  }

  @Override
  public String example() {
    return "{ layer: unit, max-vanished-tests: 0 }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.INFRASTRUCTURE;
  }

  @Override
  public Threshold parse(ConditionValue value) throws InvalidConditionException {
    return Threshold.absolute("<=", value.count());
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(condition.layer());
    Verdict availability = Evaluation.availability(layer);
    if (availability == Verdict.MISSING) {
      return new Finding(condition.expected(), "n/a", availability, layer.sources(), "");
    }
    Optional<Baseline> baseline = evaluation.baseline();
    Optional<ExecutedTests> executed = Optional.empty();
    String noComparison = null;
    if (baseline.isEmpty()) {
      noComparison = "no build was promoted to the stage yet";
    } else {
      try {
        executed = baseline.get().tests().read();
      } catch (IOException e) {
        return new Finding(
            condition.expected(),
            "n/a",
            Verdict.UNREADABLE,
            baseline.get().tests().file().map(List::of).orElse(List.of()),
            "the baseline's tests cannot be compared with: " + e.getMessage());
      }
      if (executed.isEmpty()) {
        noComparison =
            "build "
                + baseline.get().buildId()
                + " (the baseline) has no kept tests: promoted before they were";
      }
    }
    if (noComparison != null) {
      return availability == Verdict.UNREADABLE
          ? new Finding(condition.expected(), "n/a", availability, layer.sources(), "")
          : new Finding(
              condition.expected(),
              "n/a",
              Verdict.NO_BASELINE,
              layer.sources(),
              "no baseline: " + noComparison + "; the condition does not fail");
    }
    return compare(condition, evaluation, layer, baseline.get(), executed.get(), availability);
  }

  /**
   * The tests of the baseline with no result in {@code layer}. When the layer's evidence is
   * unreadable the verdict stays so, and the tests are still named: a crashed fork's dump file and
   * the tests it took with it, in one answer.
   */
  private static Finding compare(
      Condition condition,
      Evaluation evaluation,
      LayerEvidence layer,
      Baseline base,
      ExecutedTests executed,
      Verdict availability) {
    Set<String> present = new HashSet<>();
    for (TestCase test : layer.testCases()) {
      present.add(test.id());
    }
    List<String> gone =
        executed.of(condition.layer()).stream().filter(id -> !present.contains(id)).toList();
    List<String> vanished = gone.stream().filter(id -> !evaluation.retired().contains(id)).toList();
    List<String> notes = new ArrayList<>();
    if (availability == Verdict.UNREADABLE) {
      notes.add("the layer's evidence is incomplete (see its problems)");
    }
    if (!vanished.isEmpty()) {
      notes.add(
          vanished.size()
              + " test(s) that build "
              + base.buildId()
              + " (commit "
              + base.commit()
              + ", the last promoted to "
              + base.stage()
              + ") executed have no result here: a crashed test JVM, or tests deleted or renamed"
              + " (retire those in quarantine.yml)");
    }
    if (gone.size() > vanished.size()) {
      notes.add((gone.size() - vanished.size()) + " more retired in quarantine.yml, not counted");
    }
    Verdict verdict =
        availability == Verdict.UNREADABLE
            ? availability
            : condition.threshold().met(vanished.size()) ? Verdict.PASS : Verdict.FAIL;
    return new Finding(
        condition.expected(),
        String.valueOf(vanished.size()),
        verdict,
        withBaseline(layer.sources(), base),
        String.join("; ", notes),
        vanished);
  }

  private static List<Path> withBaseline(List<Path> sources, Baseline baseline) {
    return baseline
        .tests()
        .file()
        .map(file -> Stream.concat(sources.stream(), Stream.of(file)).toList())
        .orElse(sources);
  }
}
