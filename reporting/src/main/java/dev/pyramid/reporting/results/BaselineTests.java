package dev.pyramid.reporting.results;

import dev.pyramid.reporting.internal.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tests a baseline build executed are kept, read the first time a condition asks (most
 * policies never do, and 100,000 ids take a moment to read).
 */
public final class BaselineTests {

  /** For a baseline whose decision recorded no test ids (it came before they were kept). */
  public static final BaselineTests NOT_RECORDED = new BaselineTests(null, null);

  private final Path file;
  private final String digest;
  private ExecutedTests read;

  private BaselineTests(Path file, String digest) {
    this.file = file;
    this.digest = digest;
  }

  /** The tests in {@code file}, whose content must have the SHA-256 {@code digest}. */
  public static BaselineTests in(Path file, String digest) {
    return new BaselineTests(file, digest);
  }

  /** The file; empty when none was recorded. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * The baseline's executed tests; empty when none were recorded.
   *
   * @throws IOException naming the file when it is missing, altered or not a list of test ids
   */
  public synchronized Optional<ExecutedTests> read() throws IOException {
    if (file == null) {
      return Optional.empty();
    }
    if (read == null) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new IOException(
            file
                + " is missing: the history refers to it for the baseline's tests; keep the"
                + " history's folder whole (restore it with the history file)",
            e);
      }
      if (!Sha256.of(bytes).equals(digest)) {
        throw new IOException(
            file + " was altered since the gate wrote it (its SHA-256 is not " + digest + ")");
      }
      read = ExecutedTests.decode(file.toString(), bytes);
    }
    return Optional.of(read);
  }
}
