package dev.pyramid.reporting.metrics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The delivery metrics of a period, read from a history: the DORA keys for production, and per
 * stage how often it was deployed and how often the gate blocked it, and on what.
 *
 * @param period what was measured: events at or after its start and before its end
 * @param production the stage that is production
 * @param failureWindow how soon a remedy must follow a production deployment for it to count as
 *     failed
 * @param stages per stage, in the order they first appear in the history
 * @param leadTimes commit to production, of the production deployments whose commit time is known
 * @param withoutCommitTime production deployments whose commit time no line records
 * @param deployments the production deployments of the period, with what followed each
 * @param weeks the trend: one row per week (Monday to Sunday, UTC) the period touches
 * @param leftOut the history's lines left out; non-empty means the figures cover the readable part
 */
public record DeliveryMetrics(
    Period period,
    String production,
    Duration failureWindow,
    List<StageFigures> stages,
    Durations leadTimes,
    int withoutCommitTime,
    List<ProductionChanges.Deployment> deployments,
    List<Week> weeks,
    List<ScannedHistory.LeftOut> leftOut) {

  /**
   * Among the conditions that block most: BLOCK decisions whose line predates schema 2, which did
   * not record the conditions that failed.
   */
  public static final String NOT_RECORDED = "(not recorded: a line of schema 1)";

  /** Among the conditions that block most: BLOCK decisions whose score fell below the warn line. */
  public static final String SCORE_BELOW_WARN = "(score below the warn threshold)";

  /** From {@code from} (inclusive) to {@code to} (exclusive). */
  public record Period(Instant from, Instant to) {
    public boolean contains(Instant time) {
      return !time.isBefore(from) && time.isBefore(to);
    }

    /** Its length in days, fractions included. */
    public double days() {
      return Duration.between(from, to).toSeconds() / 86_400.0;
    }
  }

  /**
   * One stage's figures.
   *
   * @param deployments promotions to it, both lanes
   * @param deliveries flag changes delivered at it ({@code pyramid deliver}): what reached users
   *     without a deployment
   * @param decisions the gate's whole-stage decisions for it, by verdict
   * @param blockingConditions the blocking conditions that failed in its BLOCK decisions, most
   *     often first, with how many decisions each failed
   */
  public record StageFigures(
      String stage,
      int deployments,
      int rollbacks,
      int deliveries,
      Map<String, Integer> decisions,
      Map<String, Integer> blockingConditions) {

    public int decisionCount() {
      return decisions.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** BLOCK decisions over all decisions; 0 when none. */
    public double blockRate() {
      int all = decisionCount();
      return all == 0 ? 0 : decisions.getOrDefault("BLOCK", 0) / (double) all;
    }
  }

  /**
   * One week of the trend: what each stage got and how production fared.
   *
   * @param days how much of the week lies in the period: 7, less for a first or last week cut
   */
  public record Week(
      LocalDate monday,
      double days,
      Map<String, Integer> deployments,
      Map<String, Double> blockRates,
      int productionDeployments,
      int failedDeployments,
      Duration medianLeadTime) {}

  /**
   * The DORA band of a deployment frequency, after the State of DevOps report's: elite is on demand
   * (here: at least once a day on average), high between once a day and once a week, medium between
   * once a week and once a month, low less often.
   */
  public enum Band {
    ELITE,
    HIGH,
    MEDIUM,
    LOW;

    static Band of(int deployments, double days) {
      double perDay = days <= 0 ? 0 : deployments / days;
      if (perDay >= 1) {
        return ELITE;
      }
      if (perDay * 7 >= 1) {
        return HIGH;
      }
      return perDay * 30 >= 1 ? MEDIUM : LOW;
    }
  }

  /** The stage's figures; empty figures when the history never names it. */
  public StageFigures stage(String name) {
    return stages.stream()
        .filter(s -> s.stage().equals(name))
        .findFirst()
        .orElse(new StageFigures(name, 0, 0, 0, Map.of(), Map.of()));
  }

  /** Production's deployment frequency band. */
  public Band band() {
    return Band.of(deployments.size(), period.days());
  }

  /** The production deployments of the period that failed. */
  public List<ProductionChanges.Deployment> failed() {
    return deployments.stream().filter(ProductionChanges.Deployment::failed).toList();
  }

  /** Failed over all production deployments; 0 when there were none. */
  public double changeFailureRate() {
    return deployments.isEmpty() ? 0 : failed().size() / (double) deployments.size();
  }

  /**
   * How long production took to recover from each failed deployment. Every failed one recovered: a
   * remedy followed it, and the last change of a chain of remedies restored production.
   */
  public Durations recoveryTimes() {
    return new Durations(
        failed().stream()
            .map(ProductionChanges.Deployment::recoveryTime)
            .filter(t -> t != null)
            .toList());
  }

  /** Computes the metrics of {@code period} over the readable part of {@code history}. */
  public static DeliveryMetrics compute(
      ScannedHistory history,
      Period period,
      String production,
      String hotfixLane,
      Duration failureWindow) {
    List<HistoryEntry> all = history.entries();
    Map<String, Instant> commitTimes = new HashMap<>();
    Set<String> stageNames = new LinkedHashSet<>();
    for (HistoryEntry entry : all) {
      if (entry.committedAt() != null) {
        commitTimes.putIfAbsent(entry.build().commit(), entry.committedAt());
      }
      if (!entry.stage().isEmpty()) {
        stageNames.add(entry.stage());
      }
    }
    List<HistoryEntry> inPeriod =
        all.stream().filter(entry -> period.contains(entry.time())).toList();
    List<StageFigures> stages = new ArrayList<>();
    for (String stage : stageNames) {
      stages.add(figures(stage, inPeriod));
    }
    List<ProductionChanges.Deployment> deployments =
        ProductionChanges.of(all, production, hotfixLane, failureWindow).stream()
            .filter(d -> period.contains(d.at()))
            .toList();
    Durations leadTimes = leadTimes(deployments, commitTimes);
    List<Week> weeks = new ArrayList<>();
    LocalDate monday =
        period
            .from()
            .atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (;
        monday.atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(period.to());
        monday = monday.plusWeeks(1)) {
      Instant start = monday.atStartOfDay().toInstant(ZoneOffset.UTC);
      Period week =
          new Period(
              start.isBefore(period.from()) ? period.from() : start,
              start.plus(Duration.ofDays(7)).isAfter(period.to())
                  ? period.to()
                  : start.plus(Duration.ofDays(7)));
      weeks.add(week(monday, week, stageNames, inPeriod, deployments, commitTimes));
    }
    return new DeliveryMetrics(
        period,
        production,
        failureWindow,
        stages,
        leadTimes,
        deployments.size() - leadTimes.count(),
        deployments,
        weeks,
        history.leftOut());
  }

  private static StageFigures figures(String stage, List<HistoryEntry> entries) {
    Predicate<HistoryEntry> here = entry -> entry.stage().equals(stage);
    int deployments = 0;
    int rollbacks = 0;
    int deliveries = 0;
    Map<String, Integer> verdicts = new LinkedHashMap<>();
    Map<String, Integer> conditions = new HashMap<>();
    for (HistoryEntry entry : entries) {
      if (!here.test(entry)) {
        continue;
      }
      if (entry.isPromotionTo(stage)) {
        deployments++;
      } else if (entry.isRollbackOf(stage)) {
        rollbacks++;
      } else if ("delivery".equals(entry.type())) {
        deliveries++;
      } else if (entry.isStageDecision()) {
        verdicts.merge(entry.verdict(), 1, Integer::sum);
        if ("BLOCK".equals(entry.verdict())) {
          if (entry.schema() < 2) {
            conditions.merge(NOT_RECORDED, 1, Integer::sum);
          } else if (entry.failedConditions().isEmpty()) {
            conditions.merge(SCORE_BELOW_WARN, 1, Integer::sum);
          }
          entry.failedConditions().forEach(id -> conditions.merge(id, 1, Integer::sum));
        }
      }
    }
    Map<String, Integer> mostFirst = new LinkedHashMap<>();
    conditions.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> mostFirst.put(e.getKey(), e.getValue()));
    return new StageFigures(stage, deployments, rollbacks, deliveries, verdicts, mostFirst);
  }

  private static Week week(
      LocalDate monday,
      Period week,
      Set<String> stageNames,
      List<HistoryEntry> entries,
      List<ProductionChanges.Deployment> deployments,
      Map<String, Instant> commitTimes) {
    List<HistoryEntry> inWeek = entries.stream().filter(e -> week.contains(e.time())).toList();
    Map<String, Integer> deployed = new LinkedHashMap<>();
    Map<String, Double> blockRates = new LinkedHashMap<>();
    for (String stage : stageNames) {
      StageFigures figures = figures(stage, inWeek);
      deployed.put(stage, figures.deployments());
      blockRates.put(stage, figures.blockRate());
    }
    List<ProductionChanges.Deployment> production =
        deployments.stream().filter(d -> week.contains(d.at())).toList();
    return new Week(
        monday,
        week.days(),
        deployed,
        blockRates,
        production.size(),
        (int) production.stream().filter(ProductionChanges.Deployment::failed).count(),
        leadTimes(production, commitTimes).median());
  }

  /** Commit to production, of each of {@code deployments} whose commit time a line recorded. */
  private static Durations leadTimes(
      List<ProductionChanges.Deployment> deployments, Map<String, Instant> commitTimes) {
    List<Duration> leadTimes = new ArrayList<>();
    for (ProductionChanges.Deployment deployment : deployments) {
      Instant committed = commitTimes.get(deployment.build().commit());
      if (committed != null) {
        leadTimes.add(Duration.between(committed, deployment.at()));
      }
    }
    return new Durations(leadTimes);
  }
}
