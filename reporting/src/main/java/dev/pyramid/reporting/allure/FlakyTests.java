package dev.pyramid.reporting.allure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The tests that Surefire or Failsafe reran and that passed on a later attempt: a {@code testcase}
 * with a {@code flakyFailure} or {@code flakyError} in {@code target/surefire-reports/**} or {@code
 * target/failsafe-reports/**} ({@code rerunFailingTestsCount}).
 */
final class FlakyTests {

  private FlakyTests() {}

  /**
   * Keys {@code <class>#<method>}, the method without its parameter list, of every flaky test under
   * the roots.
   */
  static Set<String> under(List<Path> roots) throws IOException {
    Set<String> flaky = new HashSet<>();
    for (Path file : BuildFiles.find(roots, FlakyTests::isTestReport)) {
      read(file, flaky);
    }
    return flaky;
  }

  /** The key of a test as FlakyTests names it. */
  static String key(String className, String method) {
    int parenthesis = method.indexOf('(');
    return className + "#" + (parenthesis >= 0 ? method.substring(0, parenthesis) : method);
  }

  private static boolean isTestReport(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.startsWith("TEST-")
        && name.endsWith(".xml")
        && (path.contains("/target/surefire-reports/")
            || path.contains("/target/failsafe-reports/"));
  }

  private static void read(Path file, Set<String> flaky) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      String className = null;
      String method = null;
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (xml.getLocalName()) {
          case "testcase" -> {
            className = xml.getAttributeValue(null, "classname");
            method = xml.getAttributeValue(null, "name");
          }
          case "flakyFailure", "flakyError" -> {
            if (className != null && method != null) {
              flaky.add(key(className, method));
            }
          }
          default -> {}
        }
      }
    } catch (XMLStreamException e) {
      // The gate reports unreadable test reports; here a broken file only means no flaky marks from
      // it.
    }
  }
}
