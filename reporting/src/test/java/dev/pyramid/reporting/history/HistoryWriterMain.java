package dev.pyramid.reporting.history;

import dev.pyramid.reporting.stamp.BuildIdentity;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A separate process appending to a history: {@code FILE NAME COUNT}. Used by {@link HistoryTests}.
 */
final class HistoryWriterMain {

  private HistoryWriterMain() {}

  public static void main(String[] args) throws Exception {
    History history = new History(Path.of(args[0]));
    for (int i = 0; i < Integer.parseInt(args[2]); i++) {
      history.append(
          History.promotionLine(
              "dev",
              "default",
              new BuildIdentity(args[1], "b" + i),
              "y".repeat(3000),
              Instant.now()));
    }
  }
}
