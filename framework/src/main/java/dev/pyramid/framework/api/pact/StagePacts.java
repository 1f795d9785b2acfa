package dev.pyramid.framework.api.pact;

import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the candidate provider against the pacts of the consumers that run at the stage: the
 * pacts {@code pyramid promote} kept of the stage's build (see {@link
 * dev.pyramid.framework.api.stage.StageBuild}), in place of the candidate's own.
 *
 * <pre>{@code
 * @ContractTest
 * @Provider("fleet-core")
 * @StagePacts
 * class FleetCoreAgainstStagePactsIT {
 *   // the same @BeforeEach and @TestTemplate as a verification of the candidate's own pacts
 * }
 * }</pre>
 *
 * <p>During a rolling update the consumers the stage runs talk to the candidate: a response field
 * they read and the candidate no longer sends breaks them, though the candidate's own consumers
 * moved on. Each interaction's outcome, with the stage's build and each pact's SHA-256, is written
 * to {@code target/pyramid/stage-contracts/<test class>.json} for the gate's {@code
 * deployed-contracts-verified}. When the stage runs no build, or its build kept no pact of this
 * provider, the class is skipped with the reason, which the same file records.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PactSource(StagePactsLoader.class)
@ExtendWith(StageContractsExtension.class)
public @interface StagePacts {}
