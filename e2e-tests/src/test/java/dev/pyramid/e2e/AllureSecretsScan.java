package dev.pyramid.e2e;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.SecretScan;
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
  void no_secret_of_the_run_reached_any_allure_result() {
    SecretScan.verifyThisRun(MIN_SECRETS);
  }
}
