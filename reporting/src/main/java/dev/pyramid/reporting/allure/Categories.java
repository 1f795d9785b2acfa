package dev.pyramid.reporting.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The failure categories of the report ({@code categories.json}), with message patterns taken from
 * the failure messages this project really produces: Pact's verification failures, Gatling
 * assertions and the gate's condition ids, the PostgreSQL fixtures' and servers' start failures.
 *
 * <p>Allure 2 puts a result into every category that matches, so the defect categories exclude the
 * specific ones; "Product defects" and "Test defects" are Allure's own names for failed and broken,
 * so a result without a message lands in the same group.
 */
public final class Categories {

  static final String PERFORMANCE = ".*(Gatling assertion KO|perf\\.[\\w-]+: expected).*";
  static final String CONTRACT = ".*(Verifying a pact between|Pact verification of|has a matching body"
      + "|has status code|has a matching header|PactMismatch|contract\\.[\\w-]+: expected).*";
  static final String INFRASTRUCTURE = ".*(PostgreSQL provider|PostgreSQL at \\S+ did not accept|Could not start"
      + "|container engine|Testcontainers|Connection refused|ConnectException|BindException|Address already in use"
      + "|UnknownHostException|gate evidence missing|gate evidence unreadable).*";
  static final String TEST_SUITE = ".*(shape\\.[\\w-]+: expected|\\.min-tests: expected|\\.max-flaky: expected).*";

  private static final String ANY_SPECIFIC = "(?s)(?!" + String.join("|", PERFORMANCE, CONTRACT, INFRASTRUCTURE, TEST_SUITE)
      + ").*";

  private Categories() {}

  /** The categories, in the order Allure shows them. */
  public static List<Map<String, Object>> all() {
    List<Map<String, Object>> categories = new ArrayList<>();
    categories.add(category("Performance regression", "Gatling assertions or the gate's perf conditions failed.",
        List.of("failed"), "(?s)" + PERFORMANCE));
    categories.add(category("Contract broken", "A provider does not honour a consumer's pact, or the contract gate failed.",
        List.of("failed", "broken"), "(?s)" + CONTRACT));
    categories.add(category("Infrastructure", "A fixture, database, container or server did not start or answer.",
        List.of("failed", "broken"), "(?s)(?!" + PERFORMANCE + "|" + CONTRACT + ")" + INFRASTRUCTURE));
    categories.add(category("Test defects", "The test could not run to a verdict, or the suite itself is unfit.",
        List.of("broken"), ANY_SPECIFIC));
    categories.add(category("Test defects", "The test could not run to a verdict, or the suite itself is unfit.",
        List.of("failed"), "(?s)(?!" + PERFORMANCE + "|" + CONTRACT + "|" + INFRASTRUCTURE + ")" + TEST_SUITE));
    categories.add(category("Product defects", "An assertion on the product's behaviour failed.",
        List.of("failed"), ANY_SPECIFIC));
    Map<String, Object> flaky = new LinkedHashMap<>();
    flaky.put("name", "Flaky tests");
    flaky.put("description", "Passed only on a rerun (Surefire/Failsafe rerunFailingTestsCount) or retried.");
    flaky.put("matchedStatuses", List.of("passed", "failed", "broken"));
    flaky.put("flaky", true);
    categories.add(flaky);
    return categories;
  }

  /** The names of the categories {@code message} of a result with {@code status} falls into, as Allure matches them. */
  public static List<String> of(String status, String message) {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> category : all()) {
      Object regex = category.get("messageRegex");
      if (regex != null && ((List<?>) category.get("matchedStatuses")).contains(status)
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

  private static Map<String, Object> category(String name, String description, List<String> statuses, String regex) {
    Map<String, Object> category = new LinkedHashMap<>();
    category.put("name", name);
    category.put("description", description);
    category.put("matchedStatuses", statuses);
    category.put("messageRegex", regex);
    return category;
  }
}
