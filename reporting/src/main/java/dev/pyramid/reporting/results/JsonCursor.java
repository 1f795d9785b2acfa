package dev.pyramid.reporting.results;

import java.nio.charset.StandardCharsets;

/**
 * A strict, allocation-free reader of one UTF-8 JSON document held in a byte array (RFC 8259), for
 * readers that need a few fields of many small files: the caller walks the structure, takes the values
 * it wants and {@link #skipValue() skips} the rest, which is still checked byte by byte.
 *
 * <p>Why not Jackson: measured against jackson-core's streaming parser reading the same fields with the
 * same strictness (bench/RESULTS.md), a gate run over 100,000 Allure results spends less CPU with this
 * cursor, which only validates and slices; differential tests hold the two to the same answers. It is
 * stricter than Jackson's defaults: it refuses invalid UTF-8 anywhere (Jackson checks only the shape of the
 * sequences it skips, decodes overlong forms and surrogates, and reads a document that starts with a NUL
 * as UTF-16), and nests at most {@value #MAX_DEPTH} levels, counted as Jackson's {@code maxNestingDepth}
 * counts them (the outermost value is level 1). A UTF-8 byte order mark is skipped.
 *
 * <p>Every violation throws {@link Malformed} with the offset; {@link #describe(Malformed)} turns it into
 * "line L, column C". Not thread-safe: one cursor per document.
 */
final class JsonCursor {

  /** How deep arrays and objects may nest; deeper documents are refused rather than risking the stack. */
  static final int MAX_DEPTH = 500;

  private final byte[] bytes;
  private final int end;
  private int at;
  /** The arrays and objects opened with {@link #open()} and not yet closed. */
  private int depth;

  /** A cursor over the first {@code length} bytes of {@code bytes} (a reused read buffer, or all of it). */
  JsonCursor(byte[] bytes, int length) {
    this.bytes = bytes;
    this.end = length;
    boolean bom = end >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    this.at = bom ? 3 : 0;
  }

  /** A violation of the JSON grammar or of UTF-8, at a byte offset. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    Malformed(String message, int offset) {
      super(message, null, false, false); // thrown for every bad file of a large set: no stack trace
      this.offset = offset;
    }
  }

  /** The message of {@code malformed} with its line and column (1-based, columns counted in bytes). */
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

  /** The next significant byte after whitespace, not consumed; -1 at the end of the document. */
  int peek() {
    if (at < end) {
      int c = bytes[at];
      if (c > ' ' || c < 0) {
        return c & 0xff; // the common case, kept small enough for the JIT to inline: no whitespace to skip
      }
    }
    skipWhitespace();
    return at < end ? bytes[at] & 0xff : -1;
  }

  /** True when only whitespace is left. */
  boolean atEnd() {
    return peek() == -1;
  }

  /** Consumes {@code expected} (after whitespace) or throws. */
  void expect(char expected) throws Malformed {
    if (peek() != expected) {
      throw unexpected("'" + expected + "'");
    }
    at++;
  }

  /** Consumes {@code c} when it is next (after whitespace). */
  boolean consume(char c) {
    if (peek() == c) {
      at++;
      return true;
    }
    return false;
  }

  /**
   * After a value inside an object or array: consumes a ',' (true: another member follows) or the closing
   * {@code close} (false).
   */
  boolean more(char close) throws Malformed {
    int next = peek();
    if (next == ',') {
      at++;
      return true;
    }
    if (next == close) {
      at++;
      depth--;
      return false;
    }
    throw unexpected("',' or '" + close + "'");
  }

  /**
   * Opens an object member list after '{': false when the object is empty (its '}' consumed), true when a
   * member's name follows.
   */
  boolean firstMember() {
    return !close('}');
  }

  /** Opens an array after '[': false when it is empty (its ']' consumed). */
  boolean firstElement() {
    return !close(']');
  }

  private boolean close(char c) {
    if (consume(c)) {
      depth--;
      return true;
    }
    return false;
  }

  /**
   * Reads a member name and its ':'; returns whether the name equals {@code candidates[i]}, as the index
   * i, or -1 for any other name. Names without escapes are compared as bytes, without a String.
   */
  int memberName(byte[][] candidates) throws Malformed {
    if (peek() != '"') {
      throw unexpected("a member name in double quotes");
    }
    int found = stringIn(candidates);
    expect(':');
    return found;
  }

  /**
   * Consumes the next value; returns i when it is a string equal to {@code candidates[i]}, else -1 (any
   * other string or value, checked and skipped).
   */
  int stringIn(byte[][] candidates) throws Malformed {
    if (peek() != '"') {
      skipValue();
      return -1;
    }
    int start = at + 1;
    boolean escaped = scanString();
    int stop = at - 1; // the closing quote
    if (escaped) {
      byte[] name = decode(start, stop).getBytes(StandardCharsets.UTF_8);
      return indexOf(candidates, name, 0, name.length);
    }
    return indexOf(candidates, bytes, start, stop);
  }

  private static int indexOf(byte[][] candidates, byte[] text, int start, int stop) {
    int length = stop - start;
    for (int i = 0; i < candidates.length; i++) {
      byte[] candidate = candidates[i];
      if (candidate.length != length) {
        continue; // most names differ in length: no byte is compared
      }
      int k = 0;
      while (k < length && candidate[k] == text[start + k]) {
        k++;
      }
      if (k == length) {
        return i;
      }
    }
    return -1;
  }

  /** Where the cursor is: a value's position to come back to with {@link #textAt}. */
  int position() {
    skipWhitespace();
    return at;
  }

  /** {@link #text()} of the value at {@code position} (already checked), without moving the cursor. */
  String textAt(int position) throws Malformed {
    int here = at;
    at = position;
    try {
      return text();
    } finally {
      at = here;
    }
  }

  /** The kinds of value, by their first byte. */
  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL
  }

  /** The kind of the next value, not consumed. */
  Kind next() throws Malformed {
    int c = peek();
    return switch (c) {
      case '{' -> Kind.OBJECT;
      case '[' -> Kind.ARRAY;
      case '"' -> Kind.STRING;
      case 't' -> Kind.TRUE;
      case 'f' -> Kind.FALSE;
      case 'n' -> Kind.NULL;
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield Kind.NUMBER;
        }
        throw unexpected("a value");
      }
    };
  }

  /** Consumes the '{' or '[' that opens the next value; refuses it beyond {@value #MAX_DEPTH} levels. */
  void open() throws Malformed {
    nest(depth);
    depth++;
    at++;
  }

  /**
   * The next value as text, as Jackson's {@code getText} gives a scalar: a string decoded, a number or
   * literal as written; null for {@code null}, and for an object or array (skipped).
   */
  String text() throws Malformed {
    Kind kind = next();
    switch (kind) {
      case STRING -> {
        int start = at + 1;
        boolean escaped = scanString();
        return escaped ? decode(start, at - 1) : new String(bytes, start, at - 1 - start, StandardCharsets.UTF_8);
      }
      case NULL -> {
        skipValue();
        return null;
      }
      case OBJECT, ARRAY -> {
        skipValue();
        return null;
      }
      default -> {
        int start = at;
        skipValue();
        return new String(bytes, start, at - start, StandardCharsets.US_ASCII);
      }
    }
  }

  /**
   * The next value as a whole number of a long: an integer, a fraction (truncated, as Jackson's
   * {@code getValueAsLong}) or a string holding an integer; null for anything else (skipped). An
   * integer beyond a long's range is refused, as Jackson refuses it.
   */
  Long longValue() throws Malformed {
    Kind kind = next();
    if (kind == Kind.NUMBER) {
      int start = at;
      boolean integral = scanNumber();
      String number = new String(bytes, start, at - start, StandardCharsets.US_ASCII);
      if (!integral) {
        return (long) Double.parseDouble(number);
      }
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException e) {
        throw new Malformed("number " + number + " is out of the range of a long", start);
      }
    }
    if (kind == Kind.STRING) {
      String text = text();
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    skipValue();
    return null;
  }

  /** Skips the next value, checking it completely. */
  void skipValue() throws Malformed {
    skipValue(depth);
  }

  private void skipValue(int depth) throws Malformed {
    Kind kind = next();
    switch (kind) {
      case OBJECT -> {
        nest(depth);
        at++;
        if (firstMember()) {
          do {
            if (peek() != '"') {
              throw unexpected("a member name in double quotes");
            }
            scanString();
            expect(':');
            skipValue(depth + 1);
          } while (more('}'));
        }
      }
      case ARRAY -> {
        nest(depth);
        at++;
        if (firstElement()) {
          do {
            skipValue(depth + 1);
          } while (more(']'));
        }
      }
      case STRING -> scanString();
      case NUMBER -> scanNumber();
      case TRUE -> literal("true");
      case FALSE -> literal("false");
      case NULL -> literal("null");
    }
  }

  /** Refuses a container opened inside {@code depth} others when that makes more than MAX_DEPTH levels. */
  private void nest(int depth) throws Malformed {
    if (depth >= MAX_DEPTH) {
      throw new Malformed("nested deeper than " + MAX_DEPTH + " levels", at);
    }
  }

  private void literal(String word) throws Malformed {
    int length = word.length();
    for (int i = 0; i < length; i++) {
      if (at + i >= end || bytes[at + i] != word.charAt(i)) {
        throw new Malformed(at + i >= end ? "truncated: the document ends inside '" + word + "'"
            : "not a JSON value (expected '" + word + "')", at + i);
      }
    }
    at += length;
    endOfToken();
  }

  /**
   * Scans the string starting at the '"' under the cursor, leaving the cursor after its closing quote.
   * Checks escapes, control characters and UTF-8. Returns whether it holds an escape.
   */
  private boolean scanString() throws Malformed {
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
        throw new Malformed("a control character (0x" + Integer.toHexString(c) + ") inside a string", i);
      } else {
        i = utf8(i);
      }
    }
  }

  /** Checks the escape at {@code i} (the backslash); returns the offset after it. */
  private int escape(int i) throws Malformed {
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
      default -> throw new Malformed("an invalid escape '\\" + (char) (bytes[i + 1] & 0xff) + "'", i);
    }
  }

  /** Checks the multi-byte UTF-8 sequence starting at {@code i}; returns the offset after it. */
  private int utf8(int i) throws Malformed {
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
        throw new Malformed("not UTF-8 (byte 0x" + Integer.toHexString(next) + " inside a character)", i + k);
      }
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw new Malformed("not UTF-8 (an overlong form, a surrogate or beyond U+10FFFF)", i);
    }
    return i + length;
  }

  /** Decodes the string content between {@code start} and {@code stop} (already checked), escapes included. */
  private String decode(int start, int stop) {
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
        case 'u' -> text.append((char) Integer.parseInt(new String(bytes, i + 2, 4, StandardCharsets.US_ASCII), 16));
        default -> text.append(escaped); // '"', '\\', '/'
      }
      i += escaped == 'u' ? 6 : 2;
      run = i;
    }
    text.append(new String(bytes, run, stop - run, StandardCharsets.UTF_8));
    return text.toString();
  }

  /**
   * Scans a number by RFC 8259's grammar ({@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?});
   * returns whether it is an integer.
   */
  private boolean scanNumber() throws Malformed {
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

  private int digits(int from, String what) throws Malformed {
    int i = from;
    while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
      i++;
    }
    if (i == from) {
      throw new Malformed(i >= end ? "truncated: the document ends inside a number" : "not a number (expected " + what
          + ")", i);
    }
    return i;
  }

  /** A number or literal must be followed by a delimiter, not glued to more letters or digits. */
  private void endOfToken() throws Malformed {
    if (at < end) {
      int c = bytes[at];
      if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw new Malformed("unexpected character '" + (char) (c & 0xff) + "' after a value", at);
      }
    }
  }

  private void skipWhitespace() {
    while (at < end) {
      byte c = bytes[at];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  private Malformed unexpected(String expected) {
    if (at >= end) {
      return new Malformed("truncated: the document ends where " + expected + " should follow", at);
    }
    int c = bytes[at] & 0xff;
    String found = c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : "byte 0x" + Integer.toHexString(c);
    return new Malformed("expected " + expected + ", found " + found, at);
  }
}
