package dev.pyramid.contracts.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.pyramid.framework.api.ApiSpecs;
import dev.pyramid.framework.api.ContractTest;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import dev.pyramid.platform.fixtures.pact.FleetCoreVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies fleet-core, running in-process on a free port over a real PostgreSQL, against every pact
 * its consumers wrote. The provider states are fleet-fixtures' named states, installed as they are
 * ({@link FleetCoreVerification}); this class sets none up of its own, and a pact naming a state
 * fleet-fixtures does not know fails, listing the known ones.
 *
 * <p>Every request Pact replays, and fleet-core's every answer, go through {@link ApiSpecs} and are
 * validated against fleet-core's OpenAPI document: a pact the document does not allow, or an answer
 * that honours the pact but breaks the document, fails here.
 */
@ContractTest
@WithFleetPlatform
@Provider("fleet-core")
@PactFolder("target/pacts")
class FleetCoreProviderVerificationIT {

  @BeforeEach
  void pointPactAtFleetCore(PactVerificationContext context, PlatformEndpoints platform) {
    FleetCoreVerification.pointAt(context, platform.fleetCoreUrl(), platform.fleetCoreDocument());
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void fleetCoreHonoursThePact(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
