package dev.pyramid.reporting.metrics;

import dev.pyramid.reporting.stamp.BuildIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which production deployments failed, and when production recovered.
 *
 * <p>A deployment (a promotion to production, either lane) failed when the next change of
 * production comes within the failure window and is a remedy: a rollback, or a promotion in the
 * hotfix lane. A later change in the default lane replaces it without saying it failed.
 *
 * <p>A failed deployment recovers at the first later change that restores production: a rollback,
 * or a promotion that did not fail itself. Recovery time runs from the failed deployment to then.
 * There always is one: a failed deployment has a next change, and the last change of production has
 * none, so it did not fail.
 */
public final class ProductionChanges {
  private ProductionChanges() {}

  /**
   * One production deployment and what followed it.
   *
   * @param remedy "rollback" or "hotfix" when it failed, else null
   * @param recoveredAt when production recovered from it; null when it did not fail or has not
   *     recovered yet
   */
  public record Deployment(
      BuildIdentity build, Instant at, String lane, int line, String remedy, Instant recoveredAt) {

    public boolean failed() {
      return remedy != null;
    }

    /** From the deployment to the recovery; null when it did not fail or has not recovered. */
    public Duration recoveryTime() {
      return recoveredAt == null ? null : Duration.between(at, recoveredAt);
    }
  }

  /** Every promotion to {@code production} in {@code entries} (all of them, oldest first). */
  static List<Deployment> of(
      List<HistoryEntry> entries, String production, String hotfixLane, Duration failureWindow) {
    List<HistoryEntry> changes =
        entries.stream()
            .filter(e -> e.isPromotionTo(production) || e.isRollbackOf(production))
            .toList();
    List<String> remedies = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      HistoryEntry change = changes.get(i);
      HistoryEntry next = i + 1 < changes.size() ? changes.get(i + 1) : null;
      String remedy = null;
      if ("promotion".equals(change.type())
          && next != null
          && Duration.between(change.time(), next.time()).compareTo(failureWindow) <= 0) {
        if ("rollback".equals(next.type())) {
          remedy = "rollback";
        } else if (hotfixLane.equals(next.lane())) {
          remedy = "hotfix";
        }
      }
      remedies.add(remedy);
    }
    List<Deployment> deployments = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      HistoryEntry change = changes.get(i);
      if (!"promotion".equals(change.type())) {
        continue;
      }
      Instant recoveredAt = null;
      if (remedies.get(i) != null) {
        for (int j = i + 1; j < changes.size() && recoveredAt == null; j++) {
          boolean restores = "rollback".equals(changes.get(j).type()) || remedies.get(j) == null;
          recoveredAt = restores ? changes.get(j).time() : null;
        }
      }
      deployments.add(
          new Deployment(
              change.build(),
              change.time(),
              change.lane(),
              change.line(),
              remedies.get(i),
              recoveredAt));
    }
    return deployments;
  }
}
