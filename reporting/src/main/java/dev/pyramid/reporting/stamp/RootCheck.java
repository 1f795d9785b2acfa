package dev.pyramid.reporting.stamp;

import dev.pyramid.reporting.results.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A result root checked against the build a decision is for.
 *
 * @param stamp the root's stamp, empty when it has none or it cannot be read
 * @param problems why the root's evidence cannot be trusted; empty when it can
 */
public record RootCheck(Path root, Optional<Stamp> stamp, List<Problem> problems) {

  public RootCheck {
    problems = List.copyOf(problems);
  }

  /** True when the root is stamped for the build and nothing changed since. */
  public boolean trusted() {
    return stamp.isPresent() && problems.isEmpty();
  }
}
