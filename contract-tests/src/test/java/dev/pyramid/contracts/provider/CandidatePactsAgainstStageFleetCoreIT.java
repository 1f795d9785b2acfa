package dev.pyramid.contracts.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.VerificationReports;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.pyramid.framework.api.ContractTest;
import dev.pyramid.framework.api.OpenApiDocument;
import dev.pyramid.framework.api.PostgresDatabase;
import dev.pyramid.framework.api.ServiceProcess;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.framework.api.WithPostgres;
import dev.pyramid.framework.api.pact.StageProvider;
import dev.pyramid.framework.api.stage.KeptFile;
import dev.pyramid.platform.fixtures.RoutingStubs;
import dev.pyramid.platform.fixtures.pact.FleetCoreVerification;
import dev.pyramid.platform.fixtures.process.PlatformProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The candidate api-gateway's pacts against the fleet-core the stage runs, started as a process
 * from the jar {@code pyramid promote} kept (the stage is {@code pyramid.stage}): during a rolling
 * update the new gateway calls the old core. A field the candidate gateway now needs and the old
 * core does not send fails here.
 *
 * <p>The old core runs on a database of its own on the test run's PostgreSQL server, and on the
 * routing stub's baseline files. Every exchange is validated against the OpenAPI document the old
 * core itself serves. Skipped, with the reason, when the stage runs no build or its build kept no
 * fleet-core jar.
 */
@ContractTest
@WithPostgres
@Provider("fleet-core")
// Pact's own reports apart from the candidate's verification (target/pact/reports), which
// all-interactions-verified reads.
@VerificationReports(reportDir = "target/pact/against-stage/stage-fleet-core")
@PactFolder("target/pacts")
@StageProvider(artifact = "platform/fleet-core/target/fleet-core-*-all.jar")
class CandidatePactsAgainstStageFleetCoreIT {
  private static StubServer routing;
  private static ServiceProcess stageFleetCore;
  private static OpenApiDocument stageDocument;

  @BeforeAll
  static void startStageFleetCore(KeptFile fleetCoreJar, PostgresDatabase database) {
    routing = StubServer.start();
    routing.loadMappings(RoutingStubs.FILES);
    stageFleetCore =
        PlatformProcesses.fleetCore(
            fleetCoreJar.location(),
            "fleet-core-of-the-stage",
            database.newDatabase("stage_fleet_core"),
            routing.baseUrl());
    stageDocument = OpenApiDocument.url(stageFleetCore.baseUrl().resolve("/openapi.yaml"));
  }

  @AfterAll
  static void stopStageFleetCore() {
    if (stageFleetCore != null) {
      stageFleetCore.close();
    }
    if (routing != null) {
      routing.close();
    }
  }

  @BeforeEach
  void pointPactAtStageFleetCore(PactVerificationContext context) {
    FleetCoreVerification.pointAt(context, stageFleetCore.baseUrl(), stageDocument);
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void stageFleetCoreHonoursTheCandidatesPact(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
