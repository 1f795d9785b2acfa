package dev.pyramid.reporting.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads one JUnit XML report: Surefire/Failsafe's format and the variants other runners write
 * (Gradle, Node's test runner, Jest with jest-junit, pytest, go-junit-report...): a {@code <testsuite>}
 * root, or a {@code <testsuites>} root holding suites (nested or not) and, as Node writes them,
 * test cases of its own.
 *
 * <p>Counts come from the {@code <testcase>} elements. A test case with Surefire's
 * {@code flakyFailure}/{@code flakyError} and no {@code failure}/{@code error} passed on a rerun: it is
 * flaky, not failed; one with {@code rerunFailure}/{@code rerunError} failed every rerun. Declared
 * totals are checked against the test cases and a disagreement makes the file unreadable (a cut-off
 * or hand-edited report must not pass): {@code tests} must equal the suite's own test cases, all its
 * descendants' or, as Node counts, its own test cases plus its nested suites; in a suite without
 * nested suites {@code failures + errors} and {@code skipped} must match too. A missing attribute is
 * not checked. The parser refuses DOCTYPE declarations, so no external entity is ever resolved.
 * Thread-safe.
 */
public final class JUnitXmlReader {

  /** What one report file holds. */
  public record Report(Path file, Counts counts, List<TestCase> testCases) {}

  /** Reads {@code file}, or throws naming it and the reason. */
  public Report read(Path file) throws UnreadableEvidenceException {
    Document document = parse(file);
    Element root = document.getDocumentElement();
    List<TestCase> cases = new ArrayList<>();
    switch (root.getTagName()) {
      case "testsuite" -> cases.addAll(readSuite(file, root));
      case "testsuites" -> {
        for (Element testcase : children(root, "testcase")) {
          cases.add(testCase(file, testcase));
        }
        for (Element suite : children(root, "testsuite")) {
          cases.addAll(readSuite(file, suite));
        }
        checkTotal(file, root, "tests", cases.size(), -1, -1);
      }
      default -> throw new UnreadableEvidenceException(
          file, "not a JUnit XML report: root element <" + root.getTagName() + ">");
    }
    List<TestCase> merged = mergeReruns(cases);
    return new Report(file, Counts.of(merged), List.copyOf(merged));
  }

  /**
   * Runners that rerun failed tests by repeating the test case (gotestsum, pytest-rerunfailures with some
   * plugins) write one {@code <testcase>} per attempt: the last attempt decides, and a test that failed
   * before it passed is flaky.
   */
  private static List<TestCase> mergeReruns(List<TestCase> cases) {
    java.util.Map<String, List<TestCase>> byId = new java.util.LinkedHashMap<>();
    for (TestCase testCase : cases) {
      byId.computeIfAbsent(testCase.id(), id -> new ArrayList<>()).add(testCase);
    }
    if (byId.size() == cases.size()) {
      return cases;
    }
    List<TestCase> merged = new ArrayList<>(byId.size());
    for (List<TestCase> attempts : byId.values()) {
      TestCase last = attempts.get(attempts.size() - 1);
      boolean failedBefore = attempts.subList(0, attempts.size() - 1).stream().anyMatch(TestCase::isFailure);
      merged.add(new TestCase(last.className(), last.name(), last.timeSeconds(), last.status(), last.message(),
          last.source(), last.flaky() || failedBefore && last.status() == TestCase.Status.PASSED));
    }
    return merged;
  }

  private static List<TestCase> readSuite(Path file, Element suite) throws UnreadableEvidenceException {
    List<TestCase> own = new ArrayList<>();
    for (Element testcase : children(suite, "testcase")) {
      own.add(testCase(file, testcase));
    }
    List<Element> nested = children(suite, "testsuite");
    List<TestCase> all = new ArrayList<>(own);
    for (Element inner : nested) {
      all.addAll(readSuite(file, inner));
    }
    // Surefire/Failsafe 3 in rerun mode (-Dsurefire.rerunFailingTestsCount) are known to write suite totals
    // that count only the rerun tests; their test cases are right, so the totals are not checked then.
    boolean rerunMode = own.stream().anyMatch(c -> c.flaky()) || children(suite, "testcase").stream()
        .anyMatch(c -> has(c, "rerunFailure") || has(c, "rerunError"));
    if (!rerunMode) {
      checkTotal(file, suite, "tests", own.size(), all.size(), own.size() + nested.size());
    }
    if (nested.isEmpty() && !rerunMode) {
      long failures = attribute(file, suite, "failures");
      long errors = attribute(file, suite, "errors");
      if (failures >= 0 || errors >= 0) {
        long declared = Math.max(failures, 0) + Math.max(errors, 0);
        long found = own.stream().filter(TestCase::isFailure).count();
        if (declared != found) {
          throw new UnreadableEvidenceException(file, "suite \"" + suite.getAttribute("name")
              + "\" declares failures+errors=" + declared + " but holds " + found + " failed <testcase> elements");
        }
      }
      long skipped = attribute(file, suite, "skipped");
      long foundSkipped = own.stream().filter(c -> c.status() == TestCase.Status.SKIPPED).count();
      if (skipped >= 0 && skipped != foundSkipped) {
        throw new UnreadableEvidenceException(file, "suite \"" + suite.getAttribute("name")
            + "\" declares skipped=" + skipped + " but holds " + foundSkipped + " skipped <testcase> elements");
      }
    }
    return all;
  }

  private static TestCase testCase(Path file, Element testcase) throws UnreadableEvidenceException {
    String name = testcase.getAttribute("name");
    if (name.isEmpty()) {
      throw new UnreadableEvidenceException(file, "a <testcase> without a name");
    }
    boolean failed = has(testcase, "failure") || has(testcase, "rerunFailure");
    boolean errored = has(testcase, "error") || has(testcase, "rerunError");
    TestCase.Status status = errored ? TestCase.Status.ERRORED
        : failed ? TestCase.Status.FAILED
        : has(testcase, "skipped") ? TestCase.Status.SKIPPED
        : TestCase.Status.PASSED;
    boolean flaky = status == TestCase.Status.PASSED
        && (has(testcase, "flakyFailure") || has(testcase, "flakyError"));
    return new TestCase(testcase.getAttribute("classname"), name, parseTime(testcase.getAttribute("time")),
        status, messageOf(testcase), file, flaky);
  }

  /** Accepts {@code declared} when it equals any of the counts a known runner means by it. */
  private static void checkTotal(Path file, Element suite, String attribute, int own, int all, int ownPlusSuites)
      throws UnreadableEvidenceException {
    long declared = attribute(file, suite, attribute);
    if (declared < 0 || declared == own || declared == all || declared == ownPlusSuites) {
      return;
    }
    String name = suite.getAttribute("name");
    throw new UnreadableEvidenceException(file, "<" + suite.getTagName() + (name.isEmpty() ? "" : " name=\"" + name + "\"")
        + "> declares " + attribute + "=\"" + declared + "\" but holds "
        + Math.max(own, all) + " <testcase> elements");
  }

  /** The attribute as a count, -1 when absent; a value that is not a count makes the file unreadable. */
  private static long attribute(Path file, Element element, String name) throws UnreadableEvidenceException {
    String value = element.getAttribute(name).trim();
    if (value.isEmpty()) {
      return -1;
    }
    try {
      long count = Long.parseLong(value);
      if (count < 0 || count > Integer.MAX_VALUE) {
        throw new NumberFormatException(value);
      }
      return count;
    } catch (NumberFormatException e) {
      throw new UnreadableEvidenceException(file, "<" + element.getTagName() + "> " + name + "=\""
          + abbreviate(value) + "\" is not a count", e);
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  private static boolean has(Element parent, String tag) {
    return !children(parent, tag).isEmpty();
  }

  private static String messageOf(Element testcase) {
    for (String tag : List.of("error", "failure", "rerunError", "rerunFailure", "skipped", "flakyFailure", "flakyError")) {
      List<Element> found = children(testcase, tag);
      if (!found.isEmpty()) {
        String message = found.get(0).getAttribute("message");
        return message.isEmpty() ? found.get(0).getAttribute("type") : message;
      }
    }
    return "";
  }

  private static double parseTime(String time) {
    if (time.isEmpty()) {
      return 0;
    }
    try {
      // Surefire writes plain decimals; some runners group thousands with commas.
      return Double.parseDouble(time.replace(",", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(tag)) {
        found.add(element);
      }
    }
    return found;
  }

  private static Document parse(Path file) throws UnreadableEvidenceException {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
      // Without this the parser prints "[Fatal Error]" lines to stderr on its own.
      builder.setErrorHandler(null);
      return builder.parse(in, file.toUri().toString());
    } catch (SAXException e) {
      throw new UnreadableEvidenceException(file, "not well-formed XML (truncated, wrong encoding or a DOCTYPE): "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
    } catch (RuntimeException e) {
      // The JDK's parser reports some malformed byte sequences as unchecked exceptions.
      throw new UnreadableEvidenceException(file, "not readable as XML: " + e, e);
    }
  }

  private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    return factory;
  }
}
