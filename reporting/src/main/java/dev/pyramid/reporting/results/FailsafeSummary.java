package dev.pyramid.reporting.results;

import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What Failsafe's {@code failsafe-summary.xml} says of one run (schema {@code
 * failsafe-summary.xsd}; Failsafe 3.5.4's {@code FailsafeSummaryXmlUtils} writes it and its verify
 * goal reads it back).
 *
 * <p>{@code result} is surefire-api's {@code RunResult.getFailsafeCode()}: {@code "254"} when
 * {@code completed} is 0, {@code "255"} when a test failed or errored or the run itself failed,
 * else Java's {@code null}, written as the string {@code "null"}: success, not a missing value.
 * {@code completed} counts tests, skipped ones included, each test once however often it was rerun
 * ({@code flakes} counts those that passed on a rerun). When the run itself failed (a forked JVM
 * crashed, could not start...), {@code failureMessage} holds the exception with its stack trace;
 * when a fork was killed for taking too long, {@code timeout} is true, with or without a failure
 * message. A run without a single test writes no summary at all.
 *
 * @param result as written: {@code "null"}, {@code "254"} or {@code "255"}
 * @param failureMessage the run's failure, XML escapes resolved; empty when {@code xsi:nil}
 */
record FailsafeSummary(
    Path file,
    String result,
    boolean timeout,
    int completed,
    int errors,
    int failures,
    int skipped,
    int flakes,
    Optional<String> failureMessage)
    implements SurefireTraceReader.Trace {

  /** The codes Failsafe 3 writes; any other value is not a summary the gate understands. */
  private static final Set<String> RESULTS = Set.of("null", "254", "255");

  private static final List<String> COUNTS =
      List.of("completed", "errors", "failures", "skipped", "flakes");

  /** Built on first read, not when a collector is made. */
  private static final class Factory {
    static final XMLInputFactory INSTANCE = factory();
  }

  /** The first line of the failure message, e.g. "...: The forked VM terminated without...". */
  Optional<String> failureFirstLine() {
    return failureMessage.map(message -> message.strip().lines().findFirst().orElse(""));
  }

  /**
   * The classes Surefire lists after "Crashed tests:" in the failure message (the classes running
   * in a fork when it died); empty when it lists none.
   */
  List<String> crashedTests() {
    List<String> classes = new ArrayList<>();
    boolean listing = false;
    for (String line : failureMessage.orElse("").lines().toList()) {
      if (line.strip().equals("Crashed tests:")) {
        listing = true;
      } else if (listing) {
        if (line.isBlank() || line.startsWith("\t") || line.startsWith(" ")) {
          break; // the stack trace that follows the list
        }
        classes.add(line.strip());
      }
    }
    return classes;
  }

  /**
   * Reads the summary {@code file} whose content is {@code bytes}: its root element, attributes and
   * the text of its five counts and failure message, to the end, so that a truncated file is
   * refused. DTDs and external entities are off; a DOCTYPE makes the file unreadable.
   */
  static FailsafeSummary read(Path file, byte[] bytes) throws UnreadableEvidenceException {
    Map<String, String> texts = new HashMap<>();
    String result = null;
    String timeout = null;
    boolean nilMessage = false;
    try {
      XMLStreamReader xml = XmlBytes.open(Factory.INSTANCE, bytes);
      int depth = 0;
      String element = null;
      StringBuilder text = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          if (depth == 1) {
            if (!xml.getLocalName().equals("failsafe-summary")) {
              throw new UnreadableEvidenceException(
                  file, "not a Failsafe summary: root element <" + xml.getLocalName() + ">");
            }
            result = xml.getAttributeValue(null, "result");
            timeout = xml.getAttributeValue(null, "timeout");
          } else if (depth == 2) {
            element = xml.getLocalName();
            text.setLength(0);
            nilMessage |=
                element.equals("failureMessage")
                    && "true"
                        .equals(
                            xml.getAttributeValue(
                                "http://www.w3.org/2001/XMLSchema-instance", "nil"));
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          if (depth == 2) {
            text.append(xml.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth == 2) {
            texts.put(element, text.toString());
          }
          depth--;
        } else if (event == XMLStreamConstants.DTD
            || event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new UnreadableEvidenceException(file, "a DOCTYPE or entity; Failsafe writes none");
        }
      }
      if (result == null && texts.isEmpty()) {
        throw new UnreadableEvidenceException(file, "empty: no <failsafe-summary> element");
      }
    } catch (XMLStreamException e) {
      throw new UnreadableEvidenceException(
          file, "not well-formed XML (truncated?): " + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new UnreadableEvidenceException(file, "not well-formed XML: not valid UTF-8: " + e, e);
    } catch (RuntimeException e) {
      throw new UnreadableEvidenceException(file, "not readable as XML: " + e, e);
    }
    if (result == null || !RESULTS.contains(result)) {
      throw new UnreadableEvidenceException(
          file, "result=\"" + result + "\" is none of the codes Failsafe writes (null, 254, 255)");
    }
    if (timeout != null && !timeout.equals("true") && !timeout.equals("false")) {
      throw new UnreadableEvidenceException(file, "timeout=\"" + timeout + "\" is not a boolean");
    }
    int[] counts = new int[COUNTS.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = count(file, COUNTS.get(i), texts.get(COUNTS.get(i)));
    }
    String message = texts.getOrDefault("failureMessage", "");
    return new FailsafeSummary(
        file,
        result,
        "true".equals(timeout),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        nilMessage || message.isBlank() ? Optional.empty() : Optional.of(message));
  }

  private static int count(Path file, String element, String text)
      throws UnreadableEvidenceException {
    if (text == null && element.equals("flakes")) {
      return 0; // written since Failsafe 2.20; its own verify goal reads a missing one as 0
    }
    try {
      int count = Integer.parseInt(text == null ? "" : text.strip());
      if (count < 0) {
        throw new NumberFormatException(text);
      }
      return count;
    } catch (NumberFormatException e) {
      throw new UnreadableEvidenceException(
          file,
          text == null
              ? "no <" + element + "> element"
              : "<" + element + ">" + text + "</" + element + "> is not a count",
          e);
    }
  }

  /** The JDK's own StAX parser, as in {@link JacocoXmlReader}: DTDs and external entities off. */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }
}
