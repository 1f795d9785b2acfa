package dev.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.SecretScan;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After the e2e layer ran: no secret the run sent (the platform's API key, bearer tokens,
 * password-like body fields) appears anywhere in any module's {@code target/allure-results},
 * attachments included.
 *
 * <p>Runs in a Failsafe execution of its own, after the journeys (see this module's pom). The
 * journeys' JVM recorded SHA-256 fingerprints of every secret it masked in the ledger named by
 * {@code pyramid.secrets.ledger}; this scan looks for those fingerprints, so the secrets themselves
 * are never written anywhere. It fails closed: no ledger, too few secrets or no attachment to read
 * is a failure, not a pass.
 */
@EndToEndTest
class AllureSecretsScan {
  // The API key, a bearer token (whole header value and token) and two body fields, at least.
  private static final int MIN_SECRETS = 4;

  @Test
  void no_secret_of_the_run_reached_any_allure_result() throws IOException {
    Path ledger =
        Path.of(
            System.getProperty(
                "pyramid.secrets.ledger", "target/failsafe-reports/secret-ledger.txt"));
    Path root = Path.of(System.getProperty("pyramid.scan.root", ".."));
    assertThat(ledger)
        .as("the journeys' secret ledger (did the e2e journeys run?)")
        .isRegularFile();
    List<Path> resultFolders = allureResults(root);
    assertThat(resultFolders)
        .as("allure-results folders under %s", root.toAbsolutePath().normalize())
        .isNotEmpty();
    assertThat(resultFolders.stream().map(Path::toAbsolutePath))
        .as("this module's allure-results")
        .contains(Path.of("target/allure-results").toAbsolutePath());

    SecretScan scan = SecretScan.fromLedger(ledger);
    SecretScan.Result result = scan.scan(resultFolders);

    assertThat(result.secrets())
        .as("secrets the journeys sent")
        .isGreaterThanOrEqualTo(MIN_SECRETS);
    assertThat(result.filesScanned()).as("files scanned").isGreaterThan(0);
    System.out.printf(
        "Secret scan: %d secrets, %d files in %d allure-results folders, %d leaks%n",
        result.secrets(), result.filesScanned(), resultFolders.size(), result.leaks().size());
    assertThat(result.leaks()).as("files holding a secret of this run").isEmpty();
  }

  /** Every module's target/allure-results: modules at the root and one level down (platform/*). */
  private static List<Path> allureResults(Path root) throws IOException {
    List<Path> folders = new ArrayList<>();
    for (Path module : children(root)) {
      addIfPresent(module.resolve("target/allure-results"), folders);
      for (Path nested : children(module)) {
        addIfPresent(nested.resolve("target/allure-results"), folders);
      }
    }
    return folders;
  }

  private static List<Path> children(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    if (!Files.isDirectory(dir)
        || dir.getFileName() != null && dir.getFileName().toString().equals("target")) {
      return children;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
      entries.forEach(children::add);
    }
    return children;
  }

  private static void addIfPresent(Path folder, List<Path> folders) {
    if (Files.isDirectory(folder)) {
      folders.add(folder.normalize());
    }
  }
}
