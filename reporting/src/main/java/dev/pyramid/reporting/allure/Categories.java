package dev.pyramid.reporting.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pyramid.reporting.conditions.Category;
import dev.pyramid.reporting.conditions.ConditionKind;
import dev.pyramid.reporting.conditions.ConditionKinds;
import dev.pyramid.reporting.results.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The failure categories of the report ({@code categories.json}).
 *
 * <p>Tests' results are sorted by their failure messages, with patterns taken from the messages
 * this project really produces: Pact's verification failures, Gatling assertions, the PostgreSQL
 * fixtures' and servers' start failures. The gate's own results are sorted by the {@link
 * Category#tag() tag} their message starts with, which the gate sets from the condition kind's
 * category ({@link ConditionKinds}).
 *
 * <p>Allure 2 puts a result into every category that matches, so the defect categories exclude the
 * specific ones; "Product defects" and "Test defects" are Allure's own names for failed and broken,
 * so a result without a message lands in the same group.
 */
final class Categories {

  static final String PERFORMANCE = "Gatling assertion KO";
  static final String CONTRACT =
      "Verifying a pact between|Pact verification of|has a matching body"
          + "|has status code|has a matching header|PactMismatch";
  static final String INFRASTRUCTURE =
      "PostgreSQL provider|PostgreSQL at \\S+ did not accept|Could not start"
          + "|container engine|Testcontainers|Connection refused|ConnectException|BindException|Address already in use"
          + "|UnknownHostException";

  /** A test's message: anything but a gate result's. */
  private static final String NOT_GATE = "(?!" + Pattern.quote("[gate: ") + ")";

  private static final String ANY_SPECIFIC_TEST =
      NOT_GATE
          + "(?!"
          + String.join("|", test(PERFORMANCE), test(CONTRACT), test(INFRASTRUCTURE))
          + ").*";

  private Categories() {}

  /** The categories, in the order Allure shows them. */
  public static List<Map<String, Object>> all() {
    List<Map<String, Object>> categories = new ArrayList<>();
    categories.add(
        category(
            Category.PERFORMANCE,
            "Gatling assertions failed.",
            List.of("failed"),
            test(PERFORMANCE)));
    categories.add(
        category(
            Category.CONTRACT,
            "A provider does not honour a consumer's pact.",
            List.of("failed", "broken"),
            test(CONTRACT)));
    categories.add(
        category(
            Category.INFRASTRUCTURE,
            "A fixture, database, container or server did not start or "
                + "answer, or the gate found evidence missing or unreadable.",
            List.of("failed", "broken"),
            "(?!" + test(PERFORMANCE) + "|" + test(CONTRACT) + ")" + test(INFRASTRUCTURE)));
    categories.add(
        category(
            Category.TEST_DEFECT,
            "The test could not run to a verdict, or the suite itself is unfit.",
            List.of("broken"),
            ANY_SPECIFIC_TEST));
    categories.add(
        category(
            Category.TEST_DEFECT,
            "The test could not run to a verdict, or the suite itself is unfit.",
            List.of("failed"),
            null));
    categories.add(
        category(
            Category.PRODUCT_DEFECT,
            "An assertion on the product's behaviour failed.",
            List.of("failed"),
            ANY_SPECIFIC_TEST));
    Map<String, Object> flaky = new LinkedHashMap<>();
    flaky.put("name", "Flaky tests");
    flaky.put(
        "description",
        "Passed only on a rerun (Surefire/Failsafe rerunFailingTestsCount) or retried.");
    flaky.put("matchedStatuses", List.of("passed", "failed", "broken"));
    flaky.put("flaky", true);
    categories.add(flaky);
    return categories;
  }

  /**
   * The names of the categories {@code message} of a result with {@code status} falls into, as
   * Allure matches them.
   */
  public static List<String> of(String status, String message) {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> category : all()) {
      Object regex = category.get("messageRegex");
      if (regex != null
          && ((List<?>) category.get("matchedStatuses")).contains(status)
          && Pattern.compile((String) regex).matcher(message).matches()) {
        names.add((String) category.get("name"));
      }
    }
    return names;
  }

  /** {@code categories.json}. */
  public static String json() {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(all());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A test's message that holds one of {@code alternatives}. */
  private static String test(String alternatives) {
    return NOT_GATE + ".*(" + alternatives + ").*";
  }

  /**
   * A category of the report: tests' results by {@code testRegex} (null for none), the gate's by
   * the category's tag; its description names the condition kinds filed in it.
   */
  private static Map<String, Object> category(
      Category category, String description, List<String> statuses, String testRegex) {
    String gate = Pattern.quote(category.tag()) + ".*";
    Set<String> kinds = kindsIn(category);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", category.title());
    entry.put(
        "description",
        description
            + (kinds.isEmpty() ? "" : " Gate conditions: " + String.join(", ", kinds) + "."));
    entry.put("matchedStatuses", statuses);
    entry.put("messageRegex", "(?s)" + (testRegex == null ? gate : testRegex + "|" + gate));
    return entry;
  }

  /** The keys of the condition kinds whose failures are filed in {@code category} on some layer. */
  private static Set<String> kindsIn(Category category) {
    Set<String> keys = new LinkedHashSet<>();
    for (ConditionKind kind : ConditionKinds.ALL) {
      Map<Layer, Category> byLayer = kind.categories();
      boolean oneCategory = Set.copyOf(byLayer.values()).size() == 1;
      byLayer.forEach(
          (layer, filed) -> {
            if (filed == category) {
              keys.add(kind.key() + (oneCategory ? "" : " (" + layer + ")"));
            }
          });
    }
    return keys;
  }
}
