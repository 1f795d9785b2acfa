package dev.pyramid.reporting.metrics;

import dev.pyramid.reporting.stamp.BuildIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One readable line of the history, as metrics need it.
 *
 * @param line its number in the file, from 1
 * @param schema the shape it was written in ({@code History.SCHEMA}); 1 for lines without one
 * @param type decision, promotion, rollback or delivery
 * @param verdict a decision's outcome (PROMOTE, BLOCK...); empty for other types
 * @param committedAt when the build's commit was made; null when the line does not say
 * @param failedConditions the blocking conditions a decision failed
 * @param failedTests by layer, the tests a decision's build failed
 * @param rerunFlakyTests by layer, the tests that passed in a decision's build only when rerun
 * @param executedTests the digest naming the tests a decision's build executed; null when none kept
 */
public record HistoryEntry(
    int line,
    int schema,
    String type,
    Instant time,
    String stage,
    String lane,
    BuildIdentity build,
    String verdict,
    boolean levelRun,
    Instant committedAt,
    List<String> failedConditions,
    Map<String, List<String>> failedTests,
    Map<String, List<String>> rerunFlakyTests,
    String executedTests) {

  public HistoryEntry {
    failedConditions = List.copyOf(failedConditions);
    failedTests = Map.copyOf(failedTests);
    rerunFlakyTests = Map.copyOf(rerunFlakyTests);
  }

  /** True for a gate decision on a whole stage (a level run decides no promotion). */
  public boolean isStageDecision() {
    return "decision".equals(type) && !levelRun;
  }

  /** True for a promotion to {@code stage}. */
  public boolean isPromotionTo(String stage) {
    return "promotion".equals(type) && this.stage.equals(stage);
  }

  /** True for a rollback of {@code stage}. */
  public boolean isRollbackOf(String stage) {
    return "rollback".equals(type) && this.stage.equals(stage);
  }
}
