package dev.pyramid.framework.api;

/** The names of Pyramid's test layers, as JUnit tags and Allure labels. */
public final class Layers {
  /** The Allure label that carries a test's layer. */
  public static final String LABEL = "layer";

  public static final String UNIT = "unit";
  public static final String CONTRACT = "contract";
  public static final String E2E = "e2e";
  public static final String PERF = "perf";

  private Layers() {}
}
