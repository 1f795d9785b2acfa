package dev.pyramid.reporting.results;

import java.nio.charset.CharacterCodingException;
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
 * One element of a JUnit XML report as {@link JUnitXmlReader} keeps it. {@link #parse} keeps the
 * part of the document the gate reads: {@code testsuites}, {@code testsuite} and {@code testcase}
 * elements with their attributes, and of a test case's children only the tag and the {@code
 * message} and {@code type} attributes. Everything else ({@code properties}, system-out/err, stack
 * traces) is skipped by the stream parser and never kept.
 *
 * <p>The stream parser runs with DTDs and external entities off, and a DOCTYPE declaration or an
 * entity reference makes the file unreadable, so no external entity is ever resolved.
 */
final class JUnitXmlElement {

  /**
   * Built on first read, not when a collector is made: a gate over Allure results alone never needs
   * it.
   */
  private static final class Factory {
    static final XMLInputFactory INSTANCE = factory();
  }

  /**
   * The property gotestsum and go-junit-report write on every suite: the suite is a Go package's
   * tests.
   */
  private static final String GO_VERSION = "go.version";

  /**
   * Marks, in a suite's kept attributes, that it has the {@link #GO_VERSION} property (not an XML
   * name).
   */
  private static final String GO_SUITE = " go";

  final String tag;
  final Map<String, String> attributes;
  final List<JUnitXmlElement> children = new ArrayList<>();

  JUnitXmlElement(String tag, Map<String, String> attributes) {
    this.tag = tag;
    this.attributes = attributes;
  }

  String getAttribute(String name) {
    return attributes.getOrDefault(name, "");
  }

  String getTagName() {
    return tag;
  }

  /** True when this suite has the {@code go.version} property: it holds a Go package's tests. */
  boolean isGoSuite() {
    return attributes.containsKey(GO_SUITE);
  }

  /**
   * Parses the report {@code file} whose content is {@code bytes}, or throws naming it and the
   * reason.
   */
  static JUnitXmlElement parse(Path file, byte[] bytes) throws UnreadableEvidenceException {
    try {
      XMLStreamReader xml = XmlBytes.open(Factory.INSTANCE, bytes);
      try {
        JUnitXmlElement root = null;
        Deque<JUnitXmlElement> open = new ArrayDeque<>();
        int skipping = 0; // depth inside an element the gate does not read
        JUnitXmlElement properties = null; // the suite whose <properties> are open
        while (xml.hasNext()) {
          int event = xml.next();
          switch (event) {
            case XMLStreamConstants.START_ELEMENT -> {
              if (skipping > 0) {
                skipping++;
                continue;
              }
              String tag = xml.getLocalName();
              JUnitXmlElement parent = open.peek();
              if (parent == null) {
                root = new JUnitXmlElement(tag, attributes(xml));
                open.push(root);
              } else if (parent.tag.equals("testcase")) {
                // failure, error, skipped, flaky*, rerun*: the tag and its message decide; its text
                // is not read.
                Map<String, String> kept = new HashMap<>(4);
                putIfPresent(kept, xml, "message");
                putIfPresent(kept, xml, "type");
                parent.children.add(new JUnitXmlElement(tag, kept));
                skipping = 1;
              } else if (tag.equals("testsuite") || tag.equals("testcase")) {
                JUnitXmlElement element = new JUnitXmlElement(tag, attributes(xml));
                parent.children.add(element);
                open.push(element);
              } else if (tag.equals("properties") && parent.tag.equals("testsuite")) {
                open.push(
                    new JUnitXmlElement(
                        tag, Map.of())); // not kept: only its go.version property is looked at
                properties = parent;
              } else if (parent.tag.equals("properties")) {
                if (tag.equals("property")
                    && GO_VERSION.equals(xml.getAttributeValue(null, "name"))) {
                  properties.attributes.put(GO_SUITE, "");
                }
                skipping = 1;
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
            case XMLStreamConstants.DTD ->
                throw new UnreadableEvidenceException(
                    file,
                    "not well-formed XML (truncated, wrong encoding or a DOCTYPE): a DOCTYPE declaration, which JUnit "
                        + "XML never needs and which is refused so that no external entity is ever resolved");
            case XMLStreamConstants.ENTITY_REFERENCE ->
                throw new UnreadableEvidenceException(
                    file,
                    "not well-formed XML: an entity reference \"&"
                        + xml.getLocalName()
                        + ";\", which JUnit XML never needs");
            default -> {
              // text, comments, processing instructions: not needed
            }
          }
        }
        if (root == null) {
          throw new UnreadableEvidenceException(
              file,
              "not well-formed XML (truncated, wrong encoding or a DOCTYPE): " + "no root element");
        }
        return root;
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new UnreadableEvidenceException(
          file,
          "not well-formed XML (truncated, wrong encoding or a DOCTYPE): " + e.getMessage(),
          e);
    } catch (CharacterCodingException e) {
      throw new UnreadableEvidenceException(
          file,
          "not well-formed XML (truncated, wrong encoding or a DOCTYPE): "
              + "not valid UTF-8: "
              + e,
          e);
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

  /**
   * Built once: DTDs and external entities off, entity references reported, never resolved. The
   * JDK's own StAX parser, named directly: the service lookup of {@code newFactory} scans the class
   * path at every start, and the jar bundles no other StAX implementation.
   */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return factory;
  }

  /**
   * The attribute as a count, -1 when absent; a value that is not a count makes the file
   * unreadable.
   */
  static long attribute(Path file, JUnitXmlElement element, String name)
      throws UnreadableEvidenceException {
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
      throw new UnreadableEvidenceException(
          file,
          "<"
              + element.getTagName()
              + "> "
              + name
              + "=\""
              + abbreviate(value)
              + "\" is not a count",
          e);
    }
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  static boolean has(JUnitXmlElement parent, String tag) {
    return !children(parent, tag).isEmpty();
  }

  static List<JUnitXmlElement> children(JUnitXmlElement parent, String tag) {
    List<JUnitXmlElement> found = new ArrayList<>();
    for (JUnitXmlElement child : parent.children) {
      if (child.tag.equals(tag)) {
        found.add(child);
      }
    }
    return found;
  }
}
