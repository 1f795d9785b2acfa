package dev.pyramid.reporting.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.reporting.metrics.DeliveryMetrics;
import dev.pyramid.reporting.metrics.Durations;
import dev.pyramid.reporting.metrics.ScannedHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Renders delivery metrics as {@code metrics.json}, schema version {@value #SCHEMA_VERSION}. The
 * shape is written field by field, as {@link DecisionJson}'s, so that dashboards keep reading it.
 * Durations are in seconds; rates are fractions (0.25, not 25 %).
 */
public final class MetricsJson {

  /** The version of the JSON shape; raised on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsJson() {}

  /** The JSON tree. */
  public static ObjectNode tree(DeliveryMetrics metrics) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("from", metrics.period().from().toString());
    root.put("to", metrics.period().to().toString());
    root.put("days", metrics.period().days());
    root.put("partial", !metrics.leftOut().isEmpty());
    ArrayNode leftOut = root.putArray("leftOut");
    for (ScannedHistory.LeftOut line : metrics.leftOut()) {
      leftOut.addObject().put("line", line.line()).put("message", line.message());
    }
    ObjectNode production = root.putObject("production");
    production.put("stage", metrics.production());
    production.put("deployments", metrics.deployments().size());
    production.put("deploymentFrequencyBand", metrics.band().name().toLowerCase());
    durations(production.putObject("leadTime"), metrics.leadTimes())
        .put("withoutCommitTime", metrics.withoutCommitTime());
    production.put("failureWindowSeconds", metrics.failureWindow().toSeconds());
    production.put("failedDeployments", metrics.failed().size());
    production.put("changeFailureRate", metrics.changeFailureRate());
    durations(production.putObject("recoveryTime"), metrics.recoveryTimes());
    ArrayNode failed = production.putArray("failed");
    metrics
        .failed()
        .forEach(
            d -> {
              ObjectNode row = failed.addObject();
              row.put("commit", d.build().commit()).put("buildId", d.build().buildId());
              row.put("at", d.at().toString()).put("remedy", d.remedy()).put("line", d.line());
              row.put("recoveredAt", d.recoveredAt() == null ? null : d.recoveredAt().toString());
            });
    ArrayNode stages = root.putArray("stages");
    double days = metrics.period().days();
    for (DeliveryMetrics.StageFigures stage : metrics.stages()) {
      ObjectNode row = stages.addObject();
      row.put("stage", stage.stage());
      row.put("deployments", stage.deployments());
      row.put("perDay", days <= 0 ? 0 : stage.deployments() / days);
      row.put("perWeek", days <= 0 ? 0 : stage.deployments() / days * 7);
      row.put("perMonth", days <= 0 ? 0 : stage.deployments() / days * 30);
      row.put("rollbacks", stage.rollbacks());
      row.put("flagDeliveries", stage.deliveries());
      row.put("decisions", stage.decisionCount());
      stage.decisions().forEach(row.putObject("verdicts")::put);
      row.put("blockRate", stage.blockRate());
      stage.blockingConditions().forEach(row.putObject("blockingConditions")::put);
    }
    ArrayNode weeks = root.putArray("weeks");
    for (DeliveryMetrics.Week week : metrics.weeks()) {
      ObjectNode row = weeks.addObject();
      row.put("monday", week.monday().toString());
      row.put("days", week.days());
      week.deployments().forEach(row.putObject("deployments")::put);
      week.blockRates().forEach(row.putObject("blockRates")::put);
      row.put("productionDeployments", week.productionDeployments());
      row.put("failedDeployments", week.failedDeployments());
      row.put("medianLeadTimeSeconds", seconds(week.medianLeadTime()));
    }
    return root;
  }

  /** Writes the JSON text to {@code file}, creating its directory. */
  public static void write(DeliveryMetrics metrics, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, JSON.writeValueAsString(tree(metrics)) + "\n");
  }

  private static ObjectNode durations(ObjectNode node, Durations durations) {
    node.put("measured", durations.count());
    node.put("medianSeconds", seconds(durations.median()));
    node.put("p90Seconds", seconds(durations.p90()));
    return node;
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }
}
