package dev.pyramid.reporting.results;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens a stream parser over the bytes of an XML file already in memory.
 *
 * <p>Why not hand the parser the bytes: the JDK parser's own UTF-8 decoder was most of the gate's
 * time over 2,000 JUnit reports; the JDK's charset decoder is several times faster. A UTF-8
 * document (declared so, or without an encoding declaration, with or without a byte order mark) is
 * therefore decoded here, strictly: a malformed byte sequence makes the file unreadable, as the
 * parser would. Any other encoding (a UTF-16 byte order mark, {@code encoding="ISO-8859-1"}...) is
 * left to the parser.
 */
final class XmlBytes {

  private static final Pattern ENCODING =
      Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  private XmlBytes() {}

  /**
   * A parser over {@code bytes}; a {@link CharacterCodingException} means not UTF-8 though it
   * should be.
   */
  static XMLStreamReader open(XMLInputFactory factory, byte[] bytes)
      throws XMLStreamException, CharacterCodingException {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    if (!isUtf8(bytes, start)) {
      return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
            .toString();
    return factory.createXMLStreamReader(new StringReader(text));
  }

  private static boolean isUtf8(byte[] bytes, int start) {
    if (bytes.length - start >= 2
        && (bytes[start] == 0
            || bytes[start + 1] == 0
            || (bytes[start] & 0xFF) == 0xFE
            || (bytes[start] & 0xFF) == 0xFF)) {
      return false; // UTF-16 or UTF-32, with or without a byte order mark
    }
    int end = Math.min(bytes.length, start + 200);
    String head = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    if (!head.startsWith("<?xml")) {
      return true; // no declaration: UTF-8 by the XML specification
    }
    Matcher encoding = ENCODING.matcher(head);
    if (!encoding.find()) {
      String declaration = head.contains("?>") ? head.substring(0, head.indexOf("?>")) : head;
      return !declaration.contains(
          "encoding"); // none declared: UTF-8; one this pattern misses: the parser's
    }
    String name = encoding.group(1).toUpperCase(Locale.ROOT);
    return name.equals("UTF-8") || name.equals("UTF8");
  }
}
