package dev.pyramid.reporting.results;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the test layers of the pyramid, named as in the policy, JUnit tags and Allure labels: from
 * unit at the bottom to ui (a web front-end in a real browser) at the top, and perf beside them.
 */
public enum Layer {
  UNIT("unit"),
  CONTRACT("contract"),
  E2E("e2e"),
  UI("ui"),
  PERF("perf");

  private final String id;

  Layer(String id) {
    this.id = id;
  }

  /**
   * The layer's name in quality-gate.yml, on the command line and in reports, e.g. {@code "e2e"}.
   */
  public String id() {
    return id;
  }

  /** The layer named {@code id} (case-insensitive), or empty when no layer has that name. */
  public static Optional<Layer> byId(String id) {
    return Arrays.stream(values())
        .filter(layer -> layer.id.equals(id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  @Override
  public String toString() {
    return id;
  }
}
