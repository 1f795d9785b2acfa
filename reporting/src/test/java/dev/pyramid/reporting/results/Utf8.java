package dev.pyramid.reporting.results;

import java.nio.file.Path;

/**
 * Checks that a document is UTF-8 (RFC 3629) before Jackson reads it, because Jackson alone is
 * laxer: it checks only the shape of the multi-byte sequences it skips, decodes overlong forms,
 * surrogates and code points beyond U+10FFFF, and reads a document whose first bytes hold a NUL as
 * UTF-16 or UTF-32 (JSON allows no raw NUL anywhere, so refusing every one changes nothing else).
 */
final class Utf8 {

  private Utf8() {}

  /**
   * Throws naming {@code file} and the offset unless the first {@code length} bytes are UTF-8
   * without NUL.
   */
  static void check(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    int i = 0;
    while (i < length) {
      int b = bytes[i];
      if (b > 0) {
        i++;
      } else if (b == 0) {
        throw refused(file, "a NUL byte (UTF-16 or UTF-32?)", i);
      } else {
        i = sequence(file, bytes, length, i);
      }
    }
  }

  /** Checks the multi-byte sequence at {@code i}; returns the offset after it. */
  private static int sequence(Path file, byte[] bytes, int length, int i)
      throws UnreadableEvidenceException {
    int lead = bytes[i] & 0xff;
    int size;
    int min;
    if (lead >= 0xc2 && lead <= 0xdf) {
      size = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      size = 3;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      size = 4;
      min = 0x10000;
    } else {
      throw refused(file, "byte 0x" + Integer.toHexString(lead), i);
    }
    if (i + size > length) {
      throw refused(file, "the document ends inside a character", i);
    }
    int code = lead & (0xff >> (size + 1));
    for (int k = 1; k < size; k++) {
      int next = bytes[i + k] & 0xff;
      if ((next & 0xc0) != 0x80) {
        throw refused(file, "byte 0x" + Integer.toHexString(next) + " inside a character", i + k);
      }
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw refused(file, "an overlong form, a surrogate or beyond U+10FFFF", i);
    }
    return i + size;
  }

  private static UnreadableEvidenceException refused(Path file, String what, int offset) {
    return new UnreadableEvidenceException(file, "not UTF-8: " + what + " at byte " + offset);
  }
}
