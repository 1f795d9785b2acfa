package dev.pyramid.framework.internal.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which secrets a test run sent, as SHA-256 fingerprints, so that a later step can search
 * the reports for them without the secrets themselves ever being written to disk.
 *
 * <p>Active only when the system property {@value #LEDGER_KEY} names a file; each line is {@code
 * <sha-256 hex> <length>}. Several JVMs may append to one file. Thread-safe.
 *
 * <p>Internal: not part of Pyramid's public API; see {@code SecretScan}.
 */
public final class SecretLedger {
  /** System property: the file that receives the fingerprints; unset means record nothing. */
  public static final String LEDGER_KEY = "pyramid.secrets.ledger";

  /**
   * Shorter values are not recorded: they would match unrelated text and hide nothing worth hiding.
   */
  public static final int MIN_LENGTH = 6;

  private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

  private SecretLedger() {}

  /**
   * Records {@code secret} if a ledger is configured and it is long enough; cheap when already
   * recorded.
   */
  public static void record(String secret) {
    String ledger = System.getProperty(LEDGER_KEY);
    if (ledger == null || ledger.isBlank() || secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    String line = fingerprint(secret) + " " + secret.length();
    if (!RECORDED.add(ledger + "|" + line)) {
      return;
    }
    Path file = Path.of(ledger);
    synchronized (SecretLedger.class) {
      try {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
        Files.writeString(
            file,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not record a secret fingerprint in " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, as lower-case hex. */
  public static String fingerprint(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
