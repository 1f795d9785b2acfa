package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.history.DeployedStore;
import dev.pyramid.reporting.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One line saying what a stage runs now, as {@code promote} and {@code rollback} print it. */
final class KeptFiles {

  private KeptFiles() {}

  static String describe(
      String stage, Policy.Deployed deployed, List<DeployedStore.Kept> kept, DeployedStore store) {
    if (deployed.globs().isEmpty()) {
      return "Kept for " + stage + ": nothing (the policy has no deployed: section)";
    }
    Map<String, Integer> counts = new TreeMap<>();
    deployed.globs().keySet().forEach(kind -> counts.put(kind, 0));
    kept.forEach(file -> counts.merge(file.kind(), 1, Integer::sum));
    StringBuilder line = new StringBuilder("Kept for ").append(stage).append(": ");
    counts.forEach((kind, count) -> line.append(count).append(' ').append(kind).append(", "));
    line.setLength(line.length() - 2);
    line.append(" in ").append(store.folder());
    counts.forEach(
        (kind, count) -> {
          if (count == 0) {
            line.append("\nWarning: no file matched deployed.")
                .append(kind)
                .append(' ')
                .append(deployed.globs().get(kind))
                .append(": later candidates have none of them to be judged against");
          }
        });
    return line.toString();
  }
}
