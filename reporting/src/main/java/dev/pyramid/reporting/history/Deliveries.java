package dev.pyramid.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.reporting.flags.DeliveryCheck;
import dev.pyramid.reporting.stamp.BuildIdentity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The flag deliveries in a {@link History}: the {@code "type":"delivery"} lines {@code pyramid
 * deliver} appends, and what a delivery is judged by (the states delivered at a stage so far, the
 * variants the running build's decision recorded as tested).
 */
public final class Deliveries {
  private Deliveries() {}

  /**
   * The history line recording that {@code judged}, a flag change at {@code stage}, was delivered
   * while {@code running} ran there.
   */
  public static ObjectNode deliveryLine(
      String stage, Optional<BuildIdentity> running, DeliveryCheck.Judged judged, Instant at) {
    ObjectNode line = new ObjectMapper().createObjectNode();
    line.put("type", "delivery");
    line.put("schema", History.SCHEMA);
    line.put("time", at.toString());
    line.put("stage", stage);
    line.put("commit", running.map(BuildIdentity::commit).orElse(""));
    line.put("buildId", running.map(BuildIdentity::buildId).orElse(""));
    line.put("flag", judged.change().flag());
    line.put("from", judged.change().fromState());
    line.put("to", judged.change().toState());
    judged.change().toVariants().forEach(line.putArray("serves")::add);
    line.put("check", judged.kind().id());
    return line;
  }

  /**
   * By flag, the states delivered at {@code stage} so far: what each delivery line changed from and
   * to. Turning a flag back to one of them is a kill switch.
   */
  public static Map<String, Set<String>> deliveredStates(List<JsonNode> lines, String stage) {
    Map<String, Set<String>> states = new LinkedHashMap<>();
    for (JsonNode line : lines) {
      if ("delivery".equals(line.path("type").asText())
          && stage.equals(line.path("stage").asText())) {
        Set<String> flag =
            states.computeIfAbsent(line.path("flag").asText(), f -> new LinkedHashSet<>());
        flag.add(line.path("from").asText());
        flag.add(line.path("to").asText());
      }
    }
    return states;
  }

  /**
   * By flag, the variants that {@code build}'s latest gate decision for {@code stage} recorded as
   * tested; empty when that decision recorded none (or there is none).
   */
  public static Optional<Map<String, Set<String>>> flagVariantsTested(
      List<JsonNode> lines, BuildIdentity build, String stage) {
    return History.lastDecision(lines, build, stage)
        .filter(decision -> decision.has(History.FLAG_VARIANTS_TESTED))
        .map(
            decision -> {
              Map<String, Set<String>> tested = new LinkedHashMap<>();
              decision
                  .get(History.FLAG_VARIANTS_TESTED)
                  .properties()
                  .forEach(
                      flag -> {
                        Set<String> variants = new LinkedHashSet<>();
                        flag.getValue().forEach(variant -> variants.add(variant.asText()));
                        tested.put(flag.getKey(), variants);
                      });
              return tested;
            });
  }
}
