package dev.pyramid.ui;

import dev.pyramid.framework.api.SecretScan;
import dev.pyramid.framework.api.UiTest;
import org.junit.jupiter.api.Test;

/**
 * After the dashboard journeys: the API key they typed and sent (the browser's {@code secret}, the
 * REST Assured calls) appears in no module's {@code target/allure-results}, attachments included.
 * Runs in a Failsafe execution of its own, after the journeys (see this module's pom), on the
 * fingerprints their JVM wrote to {@code pyramid.secrets.ledger}. Screenshots are images and are
 * not searched: the journeys take them where no secret shows.
 */
@UiTest
class DashboardSecretsScan {

  @Test
  void no_secret_of_the_journeys_reached_any_allure_result() {
    SecretScan.verifyThisRun(1);
  }
}
