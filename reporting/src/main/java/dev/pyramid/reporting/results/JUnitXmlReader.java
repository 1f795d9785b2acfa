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
 * Reads one JUnit XML report (the Surefire/Failsafe format, also written by Gradle, Jest, pytest and
 * others): a {@code <testsuite>} root, or a {@code <testsuites>} root holding several.
 *
 * <p>Counts come from the {@code <testcase>} elements; when a suite's {@code tests} attribute
 * disagrees with them the file is unreadable (a cut-off or hand-edited report must not pass). The
 * parser refuses DOCTYPE declarations, so no external entity is ever resolved. Thread-safe.
 */
public final class JUnitXmlReader {

  /** What one report file holds. */
  public record Report(Path file, Counts counts, List<TestCase> testCases) {}

  /** Reads {@code file}, or throws naming it and the reason. */
  public Report read(Path file) throws UnreadableEvidenceException {
    Document document = parse(file);
    Element root = document.getDocumentElement();
    List<Element> suites = new ArrayList<>();
    switch (root.getTagName()) {
      case "testsuite" -> suites.add(root);
      case "testsuites" -> suites.addAll(children(root, "testsuite"));
      default -> throw new UnreadableEvidenceException(
          file, "not a JUnit XML report: root element <" + root.getTagName() + ">");
    }
    List<TestCase> cases = new ArrayList<>();
    for (Element suite : suites) {
      List<TestCase> suiteCases = readSuite(file, suite);
      checkDeclaredCount(file, suite, suiteCases.size());
      cases.addAll(suiteCases);
    }
    return new Report(file, count(cases), List.copyOf(cases));
  }

  private static List<TestCase> readSuite(Path file, Element suite) throws UnreadableEvidenceException {
    List<TestCase> cases = new ArrayList<>();
    for (Element testcase : children(suite, "testcase")) {
      String name = testcase.getAttribute("name");
      if (name.isEmpty()) {
        throw new UnreadableEvidenceException(file, "a <testcase> without a name");
      }
      cases.add(new TestCase(
          testcase.getAttribute("classname"),
          name,
          parseTime(testcase.getAttribute("time")),
          statusOf(testcase),
          messageOf(testcase),
          file));
    }
    // Some runners nest suites (Jest, pytest with --junit-prefix); read them too.
    for (Element nested : children(suite, "testsuite")) {
      cases.addAll(readSuite(file, nested));
    }
    return cases;
  }

  private static void checkDeclaredCount(Path file, Element suite, int found)
      throws UnreadableEvidenceException {
    String declared = suite.getAttribute("tests");
    if (declared.isEmpty()) {
      return;
    }
    int tests;
    try {
      tests = Integer.parseInt(declared.trim());
    } catch (NumberFormatException e) {
      throw new UnreadableEvidenceException(file, "tests=\"" + declared + "\" is not a number", e);
    }
    if (tests != found) {
      throw new UnreadableEvidenceException(file,
          "the suite declares tests=\"" + tests + "\" but holds " + found + " <testcase> elements");
    }
  }

  private static TestCase.Status statusOf(Element testcase) {
    if (!children(testcase, "error").isEmpty()) {
      return TestCase.Status.ERRORED;
    }
    if (!children(testcase, "failure").isEmpty()) {
      return TestCase.Status.FAILED;
    }
    if (!children(testcase, "skipped").isEmpty()) {
      return TestCase.Status.SKIPPED;
    }
    return TestCase.Status.PASSED;
  }

  private static String messageOf(Element testcase) {
    for (String tag : List.of("error", "failure", "skipped")) {
      List<Element> found = children(testcase, tag);
      if (!found.isEmpty()) {
        String message = found.get(0).getAttribute("message");
        return message.isEmpty() ? found.get(0).getAttribute("type") : message;
      }
    }
    return "";
  }

  private static Counts count(List<TestCase> cases) {
    int passed = 0;
    int failed = 0;
    int errored = 0;
    int skipped = 0;
    for (TestCase testCase : cases) {
      switch (testCase.status()) {
        case PASSED -> passed++;
        case FAILED -> failed++;
        case ERRORED -> errored++;
        case SKIPPED -> skipped++;
      }
    }
    return new Counts(cases.size(), passed, failed, errored, skipped);
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
      throw new UnreadableEvidenceException(file, "not well-formed XML (truncated?): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
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
