package dev.pyramid.reporting.results;

import java.nio.charset.StandardCharsets;

/**
 * The tokens of one UTF-8 JSON document in a byte array, for {@link JsonCursor}: whitespace,
 * strings (their escapes, control characters and UTF-8 checked byte by byte), numbers by RFC 8259's
 * grammar and the literals; and where each violation is. Not thread-safe.
 */
abstract class JsonLexer {

  final byte[] bytes;
  final int end;

  /** The offset of the next byte to read. */
  int at;

  /**
   * A lexer over the first {@code length} bytes of {@code bytes}, after a UTF-8 byte order mark if
   * there is one.
   */
  JsonLexer(byte[] bytes, int length) {
    this.bytes = bytes;
    this.end = length;
    boolean bom =
        end >= 3
            && (bytes[0] & 0xff) == 0xef
            && (bytes[1] & 0xff) == 0xbb
            && (bytes[2] & 0xff) == 0xbf;
    this.at = bom ? 3 : 0;
  }

  /** A violation of the JSON grammar or of UTF-8, at a byte offset. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    Malformed(String message, int offset) {
      super(
          message, null, false, false); // thrown for every bad file of a large set: no stack trace
      this.offset = offset;
    }
  }

  /**
   * The message of {@code malformed} with its line and column (1-based, columns counted in bytes).
   */
  String describe(Malformed malformed) {
    int line = 1;
    int lineStart = 0;
    int upTo = Math.min(malformed.offset, end);
    for (int i = 0; i < upTo; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return malformed.getMessage() + " at line " + line + ", column " + (upTo - lineStart + 1);
  }

  void literal(String word) throws Malformed {
    int length = word.length();
    for (int i = 0; i < length; i++) {
      if (at + i >= end || bytes[at + i] != word.charAt(i)) {
        throw new Malformed(
            at + i >= end
                ? "truncated: the document ends inside '" + word + "'"
                : "not a JSON value (expected '" + word + "')",
            at + i);
      }
    }
    at += length;
    endOfToken();
  }

  /**
   * Scans the string starting at the '"' under the cursor, leaving the cursor after its closing
   * quote. Checks escapes, control characters and UTF-8. Returns whether it holds an escape.
   */
  boolean scanString() throws Malformed {
    int i = at + 1;
    boolean escaped = false;
    byte[] b = bytes;
    while (true) {
      if (i >= end) {
        throw new Malformed("truncated: the document ends inside a string", i);
      }
      int c = b[i];
      if (c == '"') {
        at = i + 1;
        return escaped;
      }
      if (c == '\\') {
        escaped = true;
        i = escape(i);
      } else if (c >= 0x20) {
        i++;
      } else if (c >= 0) {
        throw new Malformed(
            "a control character (0x" + Integer.toHexString(c) + ") inside a string", i);
      } else {
        i = utf8(i);
      }
    }
  }

  /** Checks the escape at {@code i} (the backslash); returns the offset after it. */
  int escape(int i) throws Malformed {
    if (i + 1 >= end) {
      throw new Malformed("truncated: the document ends inside an escape", i);
    }
    switch (bytes[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        if (i + 6 > end) {
          throw new Malformed("truncated: the document ends inside a \\u escape", i);
        }
        for (int h = i + 2; h < i + 6; h++) {
          if (Character.digit(bytes[h], 16) < 0) {
            throw new Malformed("\\u is not followed by four hexadecimal digits", h);
          }
        }
        return i + 6;
      }
      default ->
          throw new Malformed("an invalid escape '\\" + (char) (bytes[i + 1] & 0xff) + "'", i);
    }
  }

  /** Checks the multi-byte UTF-8 sequence starting at {@code i}; returns the offset after it. */
  int utf8(int i) throws Malformed {
    int lead = bytes[i] & 0xff;
    int length;
    int min;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      throw new Malformed("not UTF-8 (byte 0x" + Integer.toHexString(lead) + ")", i);
    }
    if (i + length > end) {
      throw new Malformed("truncated: the document ends inside a UTF-8 character", i);
    }
    int code = lead & (0xff >> (length + 1));
    for (int k = 1; k < length; k++) {
      int next = bytes[i + k] & 0xff;
      if ((next & 0xc0) != 0x80) {
        throw new Malformed(
            "not UTF-8 (byte 0x" + Integer.toHexString(next) + " inside a character)", i + k);
      }
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw new Malformed("not UTF-8 (an overlong form, a surrogate or beyond U+10FFFF)", i);
    }
    return i + length;
  }

  /**
   * Decodes the string content between {@code start} and {@code stop} (already checked), escapes
   * included.
   */
  String decode(int start, int stop) {
    StringBuilder text = new StringBuilder(stop - start);
    int run = start;
    int i = start;
    while (i < stop) {
      if (bytes[i] != '\\') {
        i++;
        continue;
      }
      text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
      char escaped = (char) bytes[i + 1];
      switch (escaped) {
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'u' ->
            text.append(
                (char)
                    Integer.parseInt(new String(bytes, i + 2, 4, StandardCharsets.US_ASCII), 16));
        default -> text.append(escaped); // '"', '\\', '/'
      }
      i += escaped == 'u' ? 6 : 2;
      run = i;
    }
    text.append(new String(bytes, run, stop - run, StandardCharsets.UTF_8));
    return text.toString();
  }

  /**
   * Scans a number by RFC 8259's grammar ({@code -? (0 | [1-9][0-9]*) (.[0-9]+)?
   * ([eE][+-]?[0-9]+)?}); returns whether it is an integer.
   */
  boolean scanNumber() throws Malformed {
    int i = at;
    if (i < end && bytes[i] == '-') {
      i++;
    }
    if (i < end && bytes[i] == '0') {
      i++;
    } else {
      i = digits(i, "a digit");
    }
    boolean integral = true;
    if (i < end && bytes[i] == '.') {
      integral = false;
      i = digits(i + 1, "a digit after '.'");
    }
    if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
      integral = false;
      i++;
      if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      i = digits(i, "a digit in the exponent");
    }
    at = i;
    endOfToken();
    return integral;
  }

  int digits(int from, String what) throws Malformed {
    int i = from;
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    if (i == from) {
      throw new Malformed(
          i >= end
              ? "truncated: the document ends inside a number"
              : "not a number (expected " + what + ")",
          i);
    }
    return i;
  }

  /** A number or literal must be followed by a delimiter, not glued to more letters or digits. */
  void endOfToken() throws Malformed {
    if (at < end) {
      int c = bytes[at];
      if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw new Malformed("unexpected character '" + (char) (c & 0xff) + "' after a value", at);
      }
    }
  }

  void skipWhitespace() {
    while (at < end) {
      byte c = bytes[at];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  Malformed unexpected(String expected) {
    if (at >= end) {
      return new Malformed("truncated: the document ends where " + expected + " should follow", at);
    }
    int c = bytes[at] & 0xff;
    String found =
        c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : "byte 0x" + Integer.toHexString(c);
    return new Malformed("expected " + expected + ", found " + found, at);
  }
}
