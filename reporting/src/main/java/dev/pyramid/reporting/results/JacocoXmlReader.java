package dev.pyramid.reporting.results;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the report-level {@code LINE} and {@code BRANCH} counters of a JaCoCo XML report ({@code
 * target/site/jacoco/jacoco.xml}).
 *
 * <p>JaCoCo writes a DOCTYPE naming {@code report.dtd}; it is read as a token and never loaded: the
 * stream parser runs with DTD support and external entities off, so an entity reference of any kind
 * makes the file unreadable. A report without both counters at its top level is unreadable.
 * Thread-safe.
 */
final class JacocoXmlReader implements EvidenceReader<Coverage> {

  /** Built on first read, not when a collector is made. */
  private static final class Factory {
    static final XMLInputFactory INSTANCE = factory();
  }

  @Override
  public String key() {
    return "jacoco";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.UNIT ? List.of("**/target/site/jacoco/jacoco.xml") : List.of();
  }

  @Override
  public Coverage read(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    return read(file, Arrays.copyOf(bytes, length)); // the parser streams from an array of its own
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<Coverage> reports) {
    layer.addCoverage(reports);
  }

  /** Reads {@code file}, or throws naming it and the reason. */
  public Coverage read(Path file) throws UnreadableEvidenceException {
    try {
      return read(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the report {@code file} whose content is {@code bytes}: to its end, so that a truncated
   * report is refused, keeping nothing below the top level.
   */
  public Coverage read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    long[] line = null;
    long[] branch = null;
    try {
      XMLStreamReader xml = XmlBytes.open(Factory.INSTANCE, bytes);
      int depth = 0;
      boolean rootSeen = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 1) {
            if (!xml.getLocalName().equals("report")) {
              throw new UnreadableEvidenceException(
                  file, "not a JaCoCo XML report: root element <" + xml.getLocalName() + ">");
            }
            rootSeen = true;
          } else if (depth == 2 && xml.getLocalName().equals("counter")) {
            String type = xml.getAttributeValue(null, "type");
            long[] counter = {count(file, xml, "covered"), count(file, xml, "missed")};
            if ("LINE".equals(type)) {
              line = counter;
            } else if ("BRANCH".equals(type)) {
              branch = counter;
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new UnreadableEvidenceException(file, "an entity reference; JaCoCo writes none");
        }
      }
      if (!rootSeen) {
        throw new UnreadableEvidenceException(file, "empty: no <report> element");
      }
    } catch (XMLStreamException e) {
      throw new UnreadableEvidenceException(
          file, "not well-formed XML (truncated?): " + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new UnreadableEvidenceException(file, "not well-formed XML: not valid UTF-8: " + e, e);
    } catch (RuntimeException e) {
      throw new UnreadableEvidenceException(file, "not readable as XML: " + e, e);
    }
    if (line == null) {
      throw new UnreadableEvidenceException(file, "no report-level LINE counter");
    }
    // A module without a single branch has no BRANCH counter at all: zero of zero.
    long[] branches = branch == null ? new long[] {0, 0} : branch;
    return new Coverage(line[0], line[1], branches[0], branches[1], file);
  }

  private static long count(Path file, XMLStreamReader xml, String attribute)
      throws UnreadableEvidenceException {
    String value = xml.getAttributeValue(null, attribute);
    try {
      long count = Long.parseLong(value == null ? "" : value.trim());
      if (count < 0) {
        throw new NumberFormatException(value);
      }
      return count;
    } catch (NumberFormatException e) {
      throw new UnreadableEvidenceException(
          file, "counter " + attribute + "=\"" + value + "\" is not a count", e);
    }
  }

  /** The JDK's own StAX parser, as in {@link JUnitXmlReader}: DTDs and external entities off. */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }
}
