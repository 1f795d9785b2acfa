package dev.pyramid.reporting.metrics;

import dev.pyramid.reporting.history.ExecutedTestsStore;
import dev.pyramid.reporting.results.ExecutedTests;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tests that flip between builds: flaky is a test that failed in one build and passed in another of
 * the same commit (the code did not change; the test's result did), or that passed in a build only
 * when rerun (what {@code max-flaky} counts within one run).
 *
 * <p>A build counts once, by its latest whole-stage decision. A test passed in a build when its
 * decision names it as passed on a rerun, or the build's kept tests include it and its decision
 * does not name it as failed; when a build's tests are no longer kept ({@link
 * ExecutedTestsStore#FLAKY_WINDOW}), only its failures and reruns are known.
 */
public final class FlipRates {
  private FlipRates() {}

  /**
   * A flaky test.
   *
   * @param runs builds of the window whose result for it is known
   * @param flips how often its result changed from one of those builds to the next
   * @param commits the commits on which it both failed and passed
   * @param rerunFlaky builds in which it passed only when rerun (a pass for its flip rate)
   */
  public record FlakyTest(
      String layer,
      String id,
      int runs,
      int failures,
      int flips,
      Set<String> commits,
      int rerunFlaky) {

    /** Flips over the changes it could have made: 1 means it changed every time. */
    public double flipRate() {
      return runs < 2 ? 0 : flips / (double) (runs - 1);
    }
  }

  /**
   * What the window showed.
   *
   * @param builds the builds looked at, oldest first
   * @param withoutTests builds whose executed tests are no longer kept (only failures known)
   * @param flaky the flaky tests, highest flip rate first
   */
  public record Report(List<BuildIdentity> builds, int withoutTests, List<FlakyTest> flaky) {}

  /** The flaky tests of the last {@code lastBuilds} builds the history decided. */
  public static Report of(ScannedHistory history, ExecutedTestsStore store, int lastBuilds)
      throws IOException {
    Map<BuildIdentity, HistoryEntry> latest = new LinkedHashMap<>();
    for (HistoryEntry entry : history.entries()) {
      if (entry.isStageDecision()) {
        latest.remove(entry.build()); // re-inserted: ordered by each build's latest decision
        latest.put(entry.build(), entry);
      }
    }
    List<HistoryEntry> window = new ArrayList<>(latest.values());
    window = window.subList(Math.max(0, window.size() - lastBuilds), window.size());

    // The candidates: "layer TAB id" of every test that failed, or passed on a rerun, in the
    // window.
    Set<String> candidates = new TreeSet<>();
    Map<String, Integer> reruns = new HashMap<>();
    for (HistoryEntry build : window) {
      build
          .failedTests()
          .forEach((layer, ids) -> ids.forEach(id -> candidates.add(key(layer, id))));
      build
          .rerunFlakyTests()
          .forEach(
              (layer, ids) ->
                  ids.forEach(
                      id -> {
                        candidates.add(key(layer, id));
                        reruns.merge(key(layer, id), 1, Integer::sum);
                      }));
    }
    Map<String, List<Boolean>> results = new HashMap<>(); // per candidate, passed? per known build
    Map<String, Map<String, Set<Boolean>>> byCommit = new HashMap<>();
    int withoutTests = 0;
    for (HistoryEntry build : window) {
      Optional<ExecutedTests> executed =
          build.executedTests() == null ? Optional.empty() : store.kept(build.executedTests());
      if (executed.isEmpty()) {
        withoutTests++;
      }
      for (String candidate : candidates) {
        Boolean passed = result(build, executed, candidate);
        if (passed != null) {
          results.computeIfAbsent(candidate, c -> new ArrayList<>()).add(passed);
          byCommit
              .computeIfAbsent(candidate, c -> new HashMap<>())
              .computeIfAbsent(build.build().commit(), c -> new LinkedHashSet<>())
              .add(passed);
        }
      }
    }
    List<FlakyTest> flaky = new ArrayList<>();
    for (String candidate : candidates) {
      Set<String> bothWays = new TreeSet<>();
      byCommit
          .getOrDefault(candidate, Map.of())
          .forEach(
              (commit, seen) -> {
                if (seen.size() == 2) {
                  bothWays.add(commit);
                }
              });
      int rerunFlaky = reruns.getOrDefault(candidate, 0);
      if (bothWays.isEmpty() && rerunFlaky == 0) {
        continue;
      }
      List<Boolean> runs = results.get(candidate);
      int flips = 0;
      for (int i = 1; i < runs.size(); i++) {
        flips += runs.get(i).equals(runs.get(i - 1)) ? 0 : 1;
      }
      int failures = (int) runs.stream().filter(passed -> !passed).count();
      String layer = candidate.substring(0, candidate.indexOf('\t'));
      flaky.add(
          new FlakyTest(
              layer,
              candidate.substring(layer.length() + 1),
              runs.size(),
              failures,
              flips,
              bothWays,
              rerunFlaky));
    }
    flaky.sort(
        Comparator.comparingDouble(FlakyTest::flipRate)
            .reversed()
            .thenComparing(Comparator.comparingInt(FlakyTest::failures).reversed())
            .thenComparing(Comparator.comparingInt(FlakyTest::rerunFlaky).reversed())
            .thenComparing(FlakyTest::id));
    return new Report(window.stream().map(HistoryEntry::build).toList(), withoutTests, flaky);
  }

  /** The candidate's result in {@code build}: false failed, true passed, null unknown. */
  private static Boolean result(
      HistoryEntry build, Optional<ExecutedTests> executed, String candidate) {
    String layer = candidate.substring(0, candidate.indexOf('\t'));
    String id = candidate.substring(layer.length() + 1);
    if (build.failedTests().getOrDefault(layer, List.of()).contains(id)) {
      return false;
    }
    if (build.rerunFlakyTests().getOrDefault(layer, List.of()).contains(id)) {
      return true;
    }
    boolean ran =
        executed.isPresent()
            && Layer.byId(layer).map(l -> executed.get().of(l).contains(id)).orElse(false);
    return ran ? true : null;
  }

  private static String key(String layer, String id) {
    return layer + '\t' + id;
  }
}
