package dev.pyramid.framework.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Searches report folders for the secrets a test run sent, and says where any of them leaked.
 *
 * <p>The secrets come from a ledger of fingerprints: with the system property {@code
 * pyramid.secrets.ledger=<file>} set, every API key, {@code Authorization} credential, cookie and
 * masked body field that {@link ApiSpecs} sends or receives is recorded there as a SHA-256 hash,
 * never in clear. The scan hashes every substring of the right length of every file under the given
 * roots (attachments included, and HTML-unescaped as Allure renders them) and reports each file
 * that holds one.
 *
 * <pre>{@code
 * SecretScan.Result result = SecretScan.fromLedger(ledger).scan(List.of(Path.of("target/allure-results")));
 * assertThat(result.leaks()).isEmpty();
 * }</pre>
 */
public final class SecretScan {
  private final Map<String, Integer> fingerprints;

  private SecretScan(Map<String, Integer> fingerprints) {
    this.fingerprints = fingerprints;
  }

  /**
   * A scan for the fingerprints in {@code ledger} ({@code <sha-256 hex> <length>} per line).
   *
   * @throws IllegalArgumentException naming the file and line of a malformed entry
   */
  public static SecretScan fromLedger(Path ledger) {
    Map<String, Integer> fingerprints = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read the secret ledger " + ledger + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(" ");
      if (parts.length != 2 || parts[0].length() != 64 || !parts[1].matches("[0-9]+")) {
        throw new IllegalArgumentException(
            ledger
                + " line "
                + (i + 1)
                + ": expected '<sha-256 hex> <length>', was '"
                + line
                + "'");
      }
      fingerprints.put(parts[0], Integer.parseInt(parts[1]));
    }
    return new SecretScan(fingerprints);
  }

  /**
   * The scan a layer's run ends with: the secrets in {@code ledger} searched for in every module's
   * {@code target/allure-results} under {@code root} (modules at the root and one level down, such
   * as {@code platform/*}). Fails closed: no ledger, fewer than {@code minSecrets} secrets in it
   * (did the run send any?), {@code ownResults} (the scanning module's folder) not among those
   * found, or no file read is an {@link AssertionError}, as is a leak, each file named.
   */
  public static Result verifyAllureResults(
      Path ledger, Path root, Path ownResults, int minSecrets) {
    if (!Files.isRegularFile(ledger)) {
      throw new AssertionError("No secret ledger at " + ledger + ": did the run's tests run?");
    }
    List<Path> folders = new ArrayList<>();
    for (Path module : directories(root)) {
      addIfPresent(module.resolve("target/allure-results"), folders);
      for (Path nested : directories(module)) {
        addIfPresent(nested.resolve("target/allure-results"), folders);
      }
    }
    Path own = ownResults.toAbsolutePath().normalize();
    if (folders.stream().map(f -> f.toAbsolutePath().normalize()).noneMatch(own::equals)) {
      throw new AssertionError(
          "This module's " + own + " is not among the allure-results under " + root);
    }
    Result result = fromLedger(ledger).scan(folders);
    if (result.secrets() < minSecrets) {
      throw new AssertionError(
          ledger
              + " holds "
              + result.secrets()
              + " secret(s), fewer than the "
              + minSecrets
              + " the run sends");
    }
    if (result.filesScanned() == 0) {
      throw new AssertionError("No file to scan in " + folders);
    }
    System.out.printf(
        "Secret scan: %d secrets, %d files in %d allure-results folders, %d leaks%n",
        result.secrets(), result.filesScanned(), folders.size(), result.leaks().size());
    if (!result.leaks().isEmpty()) {
      throw new AssertionError("Files holding a secret of this run: " + result.leaks());
    }
    return result;
  }

  /**
   * {@link #verifyAllureResults} as a layer's scan test calls it, in a module's Failsafe execution:
   * the ledger named by {@code pyramid.secrets.ledger} (default {@code
   * target/failsafe-reports/secret-ledger.txt}), every module under {@code pyramid.scan.root}
   * (default {@code ..}), this module's {@code target/allure-results} among them.
   */
  public static Result verifyThisRun(int minSecrets) {
    return verifyAllureResults(
        Path.of(
            System.getProperty(
                "pyramid.secrets.ledger", "target/failsafe-reports/secret-ledger.txt")),
        Path.of(System.getProperty("pyramid.scan.root", "..")),
        Path.of("target/allure-results"),
        minSecrets);
  }

  private static List<Path> directories(Path dir) {
    List<Path> children = new ArrayList<>();
    // Nothing inside a target/ folder is a module (maven-invoker-plugin's copies are not ours).
    if (!Files.isDirectory(dir)
        || dir.getFileName() != null && dir.getFileName().toString().equals("target")) {
      return children;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
      entries.forEach(children::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    return children;
  }

  private static void addIfPresent(Path folder, List<Path> folders) {
    if (Files.isDirectory(folder)) {
      folders.add(folder.normalize());
    }
  }

  /** How many distinct secrets the ledger holds. */
  public int secrets() {
    return fingerprints.size();
  }

  /** Scans every regular file under {@code roots}; roots that do not exist are skipped. */
  public Result scan(List<Path> roots) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try {
          Files.walkFileTree(
              root,
              new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                  if (attributes.isRegularFile()) {
                    files.add(file);
                  }
                  return FileVisitResult.CONTINUE;
                }

                // Another build may empty a result folder while this one lists it.
                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e)
                    throws IOException {
                  if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                  }
                  throw e;
                }
              });
        } catch (IOException e) {
          throw new UncheckedIOException("Could not list " + root + ": " + e.getMessage(), e);
        }
      }
    }
    Set<Integer> lengths = new TreeSet<>(fingerprints.values());
    List<Leak> leaks = new ArrayList<>();
    MessageDigest digest = sha256();
    int read = 0;
    for (Path file : files) {
      String text = read(file);
      if (text == null) {
        continue;
      }
      read++;
      for (String variant : List.of(text, htmlUnescaped(text))) {
        String found = firstFingerprint(variant, lengths, digest);
        if (found != null) {
          leaks.add(new Leak(file, found));
          break;
        }
      }
    }
    return new Result(read, fingerprints.size(), List.copyOf(leaks));
  }

  private String firstFingerprint(String text, Set<Integer> lengths, MessageDigest digest) {
    byte[] window;
    for (int length : lengths) {
      for (int start = 0; start + length <= text.length(); start++) {
        window = text.substring(start, start + length).getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(digest.digest(window));
        Integer expected = fingerprints.get(hex);
        if (expected != null && expected == length) {
          return hex;
        }
      }
    }
    return null;
  }

  /** The file's text; {@code null} when another build removed it since it was listed. */
  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String htmlUnescaped(String text) {
    return text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Where a secret was found: the file, and the secret's fingerprint (never the secret). */
  public record Leak(Path file, String fingerprint) {}

  /**
   * What a scan saw.
   *
   * @param filesScanned regular files read under the roots (a file removed while the scan ran is
   *     not counted)
   * @param secrets distinct secrets looked for
   * @param leaks files holding a secret; empty when masking held
   */
  public record Result(int filesScanned, int secrets, List<Leak> leaks) {}
}
