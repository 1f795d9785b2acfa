package dev.pyramid.contracts.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.VerificationReports;
import dev.pyramid.framework.api.ContractTest;
import dev.pyramid.framework.api.pact.StagePacts;
import dev.pyramid.platform.fixtures.PlatformEndpoints;
import dev.pyramid.platform.fixtures.WithFleetPlatform;
import dev.pyramid.platform.fixtures.pact.FleetCoreVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The candidate fleet-core against the pacts of the api-gateway the stage runs (kept by {@code
 * pyramid promote}; the stage is {@code pyramid.stage}): during a rolling update that gateway keeps
 * calling the new core. A field it reads that the candidate dropped fails here, though the
 * candidate's own gateway no longer reads it.
 *
 * <p>The same verification as {@link FleetCoreProviderVerificationIT}, on other pacts. Skipped,
 * with the reason, when the stage runs no build or its build kept no pact of fleet-core.
 */
@ContractTest
@WithFleetPlatform
@Provider("fleet-core")
// Pact's own reports apart from the candidate's verification (target/pact/reports), which
// all-interactions-verified reads.
@VerificationReports(reportDir = "target/pact/against-stage/stage-pacts")
@StagePacts
class FleetCoreAgainstStagePactsIT {

  @BeforeEach
  void pointPactAtCandidateFleetCore(PactVerificationContext context, PlatformEndpoints platform) {
    FleetCoreVerification.pointAt(context, platform.fleetCoreUrl(), platform.fleetCoreDocument());
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void candidateFleetCoreHonoursTheStagesPact(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
