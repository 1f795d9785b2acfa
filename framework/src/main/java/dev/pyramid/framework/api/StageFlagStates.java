package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs a test once per stage, each run with the feature flags that stage runs: its flag file, read
 * through OpenFeature's flagd provider in file mode (the same provider and rules, targeting
 * included, that the stage's services use), after checking it against the flag registry. Each run
 * is named after its stage ({@code [stage=production]}) and recorded as run with that file (its
 * stage and SHA-256), which the gate's {@code stage-flags-tested} asks of the e2e layer for the
 * stage it decides: what that stage will run was tested. One build, tested once, can so be gated
 * for every stage of the promotion path.
 *
 * <pre>{@code
 * @StageFlagStates
 * void each_rider_is_served_as_the_stage_says(PlatformEndpoints platform) {
 *   Client flags = OpenFeatureAPI.getInstance().getClient("journey");
 *   boolean wide = flags.getBooleanValue("wide-pickup", false, new ImmutableContext(rider));
 *   ...
 * }
 * }</pre>
 *
 * <p>The stages are the files {@code <stage>.flagd.json} of the folder the system property {@value
 * StageFlagsExtension#STAGES_KEY} names (default {@code flags/stages}), in name order; the registry
 * is the file {@value StageFlagsExtension#REGISTRY_KEY} names (default {@code
 * flags/registry.flagd.json}); the service parent POM sets both. A file that is missing or invalid
 * fails the test with the file, the line, the flag and the fix. Needs {@code
 * dev.openfeature.contrib.providers:flagd} on the test classpath.
 *
 * <p>A test template: do not add {@code @Test}. Holds the resource lock {@value FeatureFlags#LOCK}
 * for writing; skipped, with the reason, against a deployed environment or in a rolling update,
 * whose services read their own files.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(StageFlagsExtension.class)
@ResourceLock(value = FeatureFlags.LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface StageFlagStates {}
