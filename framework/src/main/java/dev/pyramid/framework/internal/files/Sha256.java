package dev.pyramid.framework.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file, as the gate and {@code sha256sum} write it: lower-case hex. */
public final class Sha256 {
  private Sha256() {}

  /**
   * @throws UncheckedIOException when the file cannot be read, naming it
   */
  public static String of(Path file) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
