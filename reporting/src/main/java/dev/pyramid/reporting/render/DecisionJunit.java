package dev.pyramid.reporting.render;

import dev.pyramid.reporting.conditions.Verdict;
import dev.pyramid.reporting.decision.ConditionResult;
import dev.pyramid.reporting.decision.Decision;
import dev.pyramid.reporting.results.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a decision as a JUnit XML suite ({@code decision-junit.xml}): one test case per
 * condition, a {@code <failure>} for a failed one, an {@code <error>} for one without usable
 * evidence, and one error case per stamp problem, so that any CI's test view shows the gate.
 */
public final class DecisionJunit {

  private DecisionJunit() {}

  /** The XML text. */
  public static String render(Decision decision) {
    int failures = 0;
    int errors = 0;
    StringBuilder cases = new StringBuilder();
    String className = "pyramid.gate." + decision.stage();
    for (ConditionResult condition : decision.conditions()) {
      cases
          .append("  <testcase classname=\"")
          .append(xml(className))
          .append("\" name=\"")
          .append(xml(condition.id()))
          .append("\" time=\"0\">");
      String message =
          "expected "
              + condition.expected()
              + ", actual "
              + condition.actual()
              + (condition.note().isEmpty() ? "" : "; " + condition.note());
      if (condition.verdict() == Verdict.FAIL) {
        failures++;
        cases
            .append("<failure message=\"")
            .append(xml(message))
            .append("\" type=\"")
            .append(condition.blocking() ? "blocking" : "weighted")
            .append(
                condition.items().isEmpty()
                    ? "\"/>"
                    : "\">" + xml(String.join(", ", condition.items())) + "</failure>");
      } else if (condition.verdict() == Verdict.MISSING
          || condition.verdict() == Verdict.UNREADABLE) {
        errors++;
        cases
            .append("<error message=\"")
            .append(xml(message))
            .append("\" type=\"")
            .append(condition.verdict().id())
            .append("\"/>");
      } else if (condition.verdict() == Verdict.NO_BASELINE) {
        cases.append("<system-out>").append(xml(message)).append("</system-out>");
      }
      cases.append("</testcase>\n");
    }
    int index = 0;
    for (Problem problem : decision.problems()) {
      errors++;
      cases
          .append("  <testcase classname=\"")
          .append(xml(className))
          .append("\" name=\"evidence-bound-to-build[")
          .append(index++)
          .append("]\" time=\"0\"><error message=\"")
          .append(xml(problem.toString()))
          .append("\" type=\"stamp\"/></testcase>\n");
    }
    int tests = decision.conditions().size() + decision.problems().size();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
        + xml(className)
        + "\" tests=\""
        + tests
        + "\" failures=\""
        + failures
        + "\" errors=\""
        + errors
        + "\" skipped=\"0\">\n"
        + "  <properties><property name=\"verdict\" value=\""
        + decision.outcome().name()
        + "\"/>"
        + "<property name=\"commit\" value=\""
        + xml(decision.build().commit())
        + "\"/>"
        + "<property name=\"buildId\" value=\""
        + xml(decision.build().buildId())
        + "\"/></properties>\n"
        + cases
        + "</testsuite>\n";
  }

  /** Writes the XML text to {@code file}, creating its directory. */
  public static void write(Decision decision, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, render(decision));
  }

  private static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\n', '\t', '\r' -> out.append(' ');
        default -> {
          if (c >= 0x20) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
