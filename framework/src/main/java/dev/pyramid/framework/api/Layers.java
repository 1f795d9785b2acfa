package dev.pyramid.framework.api;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The names of Pyramid's test layers, as JUnit tags and Allure labels. */
public final class Layers {
  /** The Allure label that carries a test's layer. */
  public static final String LABEL = "layer";

  /** The Allure label of the top suite level; the layer annotations set it to the layer. */
  public static final String GROUP_LABEL = "parentSuite";

  /** The Allure label of the top behavior level; the layer annotations set it to the layer. */
  public static final String BEHAVIOR_LABEL = "epic";

  public static final String UNIT = "unit";
  public static final String CONTRACT = "contract";
  public static final String E2E = "e2e";
  public static final String UI = "ui";
  public static final String PERF = "perf";

  private Layers() {}

  /**
   * The layer of the running test or class, as its layer annotation says; empty before the layer's
   * extension ran (extensions registered before it, in their {@code beforeAll} or {@code
   * beforeEach}) or for a test without one.
   */
  public static Optional<String> of(ExtensionContext context) {
    return LayerExtension.layerOf(context);
  }
}
