package dev.pyramid.reporting.results;

import java.nio.charset.StandardCharsets;

/**
 * A strict, allocation-free reader of one UTF-8 JSON document held in a byte array (RFC 8259), for
 * readers that need a few fields of many small files: the caller walks the structure, takes the
 * values it wants and {@link #skipValue() skips} the rest, which is still checked byte by byte.
 *
 * <p>Why not Jackson: measured against jackson-core's streaming parser reading the same fields with
 * the same strictness (bench/RESULTS.md), a gate run over 100,000 Allure results spends less CPU
 * with this cursor, which only validates and slices; differential tests hold the two to the same
 * answers. It is stricter than Jackson's defaults: it refuses invalid UTF-8 anywhere (Jackson
 * checks only the shape of the sequences it skips, decodes overlong forms and surrogates, and reads
 * a document that starts with a NUL as UTF-16), and nests at most {@value #MAX_DEPTH} levels,
 * counted as Jackson's {@code maxNestingDepth} counts them (the outermost value is level 1). A
 * UTF-8 byte order mark is skipped.
 *
 * <p>The structure (objects, arrays, their depth) is walked here; the tokens (strings, numbers,
 * literals, UTF-8) are checked by {@link JsonLexer}. Every violation throws {@link Malformed} with
 * the offset; {@link #describe(Malformed)} turns it into "line L, column C". Not thread-safe: one
 * cursor per document.
 */
final class JsonCursor extends JsonLexer {

  /**
   * How deep arrays and objects may nest; deeper documents are refused rather than risking the
   * stack.
   */
  static final int MAX_DEPTH = 500;

  /** The arrays and objects opened with {@link #open()} and not yet closed. */
  private int depth;

  /**
   * A cursor over the first {@code length} bytes of {@code bytes} (a reused read buffer, or all of
   * it).
   */
  JsonCursor(byte[] bytes, int length) {
    super(bytes, length);
  }

  /** The next significant byte after whitespace, not consumed; -1 at the end of the document. */
  int peek() {
    if (at < end) {
      int c = bytes[at];
      if (c > ' ' || c < 0) {
        return c
            & 0xff; // the common case, kept small enough for the JIT to inline: no whitespace to
        // skip
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
   * After a value inside an object or array: consumes a ',' (true: another member follows) or the
   * closing {@code close} (false).
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
   * Opens an object member list after '{': false when the object is empty (its '}' consumed), true
   * when a member's name follows.
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
   * Reads a member name and its ':'; returns whether the name equals {@code candidates[i]}, as the
   * index i, or -1 for any other name. Names without escapes are compared as bytes, without a
   * String.
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
   * Consumes the next value; returns i when it is a string equal to {@code candidates[i]}, else -1
   * (any other string or value, checked and skipped).
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

  /**
   * {@link #text()} of the value at {@code position} (already checked), without moving the cursor.
   */
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

  /**
   * Consumes the '{' or '[' that opens the next value; refuses it beyond {@value #MAX_DEPTH}
   * levels.
   */
  void open() throws Malformed {
    nest(depth);
    depth++;
    at++;
  }

  /**
   * The next value as text, as Jackson's {@code getText} gives a scalar: a string decoded, a number
   * or literal as written; null for {@code null}, and for an object or array (skipped).
   */
  String text() throws Malformed {
    Kind kind = next();
    switch (kind) {
      case STRING -> {
        int start = at + 1;
        boolean escaped = scanString();
        return escaped
            ? decode(start, at - 1)
            : new String(bytes, start, at - 1 - start, StandardCharsets.UTF_8);
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

  /**
   * Refuses a container opened inside {@code depth} others when that makes more than MAX_DEPTH
   * levels.
   */
  private void nest(int depth) throws Malformed {
    if (depth >= MAX_DEPTH) {
      throw new Malformed("nested deeper than " + MAX_DEPTH + " levels", at);
    }
  }
}
