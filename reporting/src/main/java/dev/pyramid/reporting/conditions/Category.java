package dev.pyramid.reporting.conditions;

/**
 * The report categories a failed gate condition is filed in, by the names the Allure report shows.
 */
public enum Category {
  PERFORMANCE("Performance regression"),
  CONTRACT("Contract broken"),
  /** Evidence missing or unreadable: something did not start, run or write its results. */
  INFRASTRUCTURE("Infrastructure"),
  /** The suite itself is unfit: too few tests, flaky, skipped, uncovered, the wrong shape. */
  TEST_DEFECT("Test defects"),
  PRODUCT_DEFECT("Product defects");

  private final String title;

  Category(String title) {
    this.title = title;
  }

  /** The name the report shows. */
  public String title() {
    return title;
  }

  /**
   * The mark a failed gate condition's report message starts with, e.g. {@code [gate: Contract
   * broken]}: the report's categories file gate results by it, whatever the condition's id.
   */
  public String tag() {
    return "[gate: " + title + "]";
  }
}
