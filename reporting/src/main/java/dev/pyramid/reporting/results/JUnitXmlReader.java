package dev.pyramid.reporting.results;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
 * not checked. The stream parser runs with DTDs and external entities off and a DOCTYPE declaration
 * makes the file unreadable, so no external entity is ever resolved. Only suites, test cases and the tag
 * and message of a test case's children are kept. Thread-safe.
 */
public final class JUnitXmlReader {

  private static final XMLInputFactory FACTORY = factory();

  /** What one report file holds. */
  public record Report(Path file, Counts counts, List<TestCase> testCases) {}

  /** Reads {@code file}, or throws naming it and the reason. */
  public Report read(Path file) throws UnreadableEvidenceException {
    try {
      return read(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads the report {@code file} whose content is {@code bytes} (read once by the caller, who also hashes it). */
  public Report read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    Element root = parse(file, bytes);
    List<TestCase> cases = new ArrayList<>();
    switch (root.tag) {
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
          file, "not a JUnit XML report: root element <" + root.tag + ">");
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
    for (Element child : parent.children) {
      if (child.tag.equals(tag)) {
        found.add(child);
      }
    }
    return found;
  }

  /**
   * The part of the document the gate reads: {@code testsuites}, {@code testsuite} and {@code testcase}
   * elements with their attributes, and of a test case's children only the tag and the {@code message}
   * and {@code type} attributes. Everything else ({@code properties}, system-out/err, stack traces) is
   * skipped by the stream parser and never kept.
   */
  private static final class Element {
    final String tag;
    final Map<String, String> attributes;
    final List<Element> children = new ArrayList<>();

    Element(String tag, Map<String, String> attributes) {
      this.tag = tag;
      this.attributes = attributes;
    }

    String getAttribute(String name) {
      return attributes.getOrDefault(name, "");
    }

    String getTagName() {
      return tag;
    }
  }

  private static Element parse(Path file, byte[] bytes) throws UnreadableEvidenceException {
    try {
      XMLStreamReader xml = XmlBytes.open(FACTORY, bytes);
      try {
        Element root = null;
        Deque<Element> open = new ArrayDeque<>();
        int skipping = 0; // depth inside an element the gate does not read
        while (xml.hasNext()) {
          int event = xml.next();
          switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
              if (skipping > 0) {
                skipping++;
                continue;
              }
              String tag = xml.getLocalName();
              Element parent = open.peek();
              if (parent == null) {
                root = new Element(tag, attributes(xml));
                open.push(root);
              } else if (parent.tag.equals("testcase")) {
                // failure, error, skipped, flaky*, rerun*: the tag and its message decide; its text is not read.
                Map<String, String> kept = new HashMap<>(4);
                putIfPresent(kept, xml, "message");
                putIfPresent(kept, xml, "type");
                parent.children.add(new Element(tag, kept));
                skipping = 1;
              } else if (tag.equals("testsuite") || tag.equals("testcase")) {
                Element element = new Element(tag, attributes(xml));
                parent.children.add(element);
                open.push(element);
              } else {
                skipping = 1; // properties, system-out, system-err, anything unknown
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              if (skipping > 0) {
                skipping--;
              } else {
                open.pop();
              }
            }
            case XMLStreamConstants.DTD -> throw new UnreadableEvidenceException(file,
                "not well-formed XML (truncated, wrong encoding or a DOCTYPE): a DOCTYPE declaration, which JUnit "
                    + "XML never needs and which is refused so that no external entity is ever resolved");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new UnreadableEvidenceException(file,
                "not well-formed XML: an entity reference \"&" + xml.getLocalName() + ";\", which JUnit XML never needs");
            default -> {
              // text, comments, processing instructions: not needed
            }
          }
        }
        if (root == null) {
          throw new UnreadableEvidenceException(file, "not well-formed XML (truncated, wrong encoding or a DOCTYPE): "
              + "no root element");
        }
        return root;
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new UnreadableEvidenceException(file, "not well-formed XML (truncated, wrong encoding or a DOCTYPE): "
          + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new UnreadableEvidenceException(file, "not well-formed XML (truncated, wrong encoding or a DOCTYPE): "
          + "not valid UTF-8: " + e, e);
    } catch (RuntimeException e) {
      // The JDK's parser reports some malformed byte sequences as unchecked exceptions.
      throw new UnreadableEvidenceException(file, "not readable as XML: " + e, e);
    }
  }

  private static Map<String, String> attributes(XMLStreamReader xml) {
    int count = xml.getAttributeCount();
    Map<String, String> attributes = new HashMap<>(Math.max(4, count * 2));
    for (int i = 0; i < count; i++) {
      attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
    return attributes;
  }

  private static void putIfPresent(Map<String, String> into, XMLStreamReader xml, String name) {
    String value = xml.getAttributeValue(null, name);
    if (value != null) {
      into.put(name, value);
    }
  }

  /** Built once: DTDs and external entities off, entity references reported, never resolved. */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return factory;
  }
}
