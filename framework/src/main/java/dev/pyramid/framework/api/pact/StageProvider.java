package dev.pyramid.framework.api.pact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the candidate's pacts (the class's own pact source, say {@code @PactFolder}) against the
 * provider the stage runs, started from the artifact {@code pyramid promote} kept of the stage's
 * build. The class gets that artifact as a {@link dev.pyramid.framework.api.stage.KeptFile}
 * parameter (of a {@code @BeforeAll} method, say), starts it, for instance with {@link
 * dev.pyramid.framework.api.ServiceProcess}, and points Pact at it.
 *
 * <pre>{@code
 * @ContractTest
 * @Provider("fleet-core")
 * @PactFolder("target/pacts")
 * @StageProvider(artifact = "platform/fleet-core/target/fleet-core-*-all.jar")
 * class CandidatePactsAgainstStageFleetCoreIT {
 *   @BeforeAll
 *   static void start(KeptFile fleetCoreJar) { ... }
 * }
 * }</pre>
 *
 * <p>During a rolling update the candidate consumer talks to the provider the stage still runs: a
 * field it now needs and the old provider does not send breaks it. Each interaction's outcome, with
 * the stage's build and the artifact's SHA-256, is written to {@code
 * target/pyramid/stage-contracts/<test class>.json} for the gate's {@code
 * deployed-contracts-verified}. When the stage runs no build, or its build kept no artifact that
 * {@link #artifact()} matches, the class is skipped with the reason, which the same file records.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StageContractsExtension.class)
public @interface StageProvider {
  /**
   * A glob over the kept artifacts' paths (where {@code pyramid promote} found them), matching
   * exactly one: the provider's executable jar.
   */
  String artifact();
}
