package dev.pyramid.contracts.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.pyramid.framework.api.ContractTest;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import dev.pyramid.platform.fixtures.pact.FleetProviderStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies fleet-core, running in-process on a free port over a real PostgreSQL, against every pact
 * its consumers wrote. The provider states are fleet-fixtures' named states, installed as they are
 * ({@link FleetProviderStates}); this class sets none up of its own, and a pact naming a state
 * fleet-fixtures does not know fails, listing the known ones.
 */
@ContractTest
@WithFleetPlatform
@Provider("fleet-core")
@PactFolder("target/pacts")
class FleetCoreProviderVerificationIT {

  @BeforeEach
  void pointPactAtFleetCore(PactVerificationContext context, PlatformEndpoints platform) {
    context.setTarget(HttpTestTarget.fromUrl(toUrl(platform)));
    FleetProviderStates.install(context, platform.fleetCoreUrl());
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void fleetCoreHonoursThePact(PactVerificationContext context) {
    context.verifyInteraction();
  }

  private static java.net.URL toUrl(PlatformEndpoints platform) {
    try {
      return platform.fleetCoreUrl().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException("fleet-core URL is not a URL: " + platform.fleetCoreUrl(), e);
    }
  }
}
