package dev.pyramid.framework.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs tests with the feature flags the candidate's stage runs: its flag file, read through
 * OpenFeature's flagd provider in file mode (the same provider and rules, targeting included, that
 * the stage's services use), after checking it against the flag registry. What the tests evaluated
 * is recorded as run with that file (its stage and SHA-256), which the gate's {@code
 * stage-flags-tested} asks of the e2e layer: what the stage will run was tested.
 *
 * <pre>{@code
 * @EndToEndTest
 * @WithFleetPlatform
 * @WithStageFlags
 * class StageFlagsIT { ... }
 * }</pre>
 *
 * <p>Configuration (system properties; the service parent POM sets them): {@value
 * StageFlagsExtension#STAGE_KEY} (default {@code production}), {@value
 * StageFlagsExtension#REGISTRY_KEY} (default {@code flags/registry.flagd.json}) and {@value
 * StageFlagsExtension#STAGES_KEY}, the folder of the stages' files named {@code <stage>.flagd.json}
 * (default {@code flags/stages}). A file that is missing or invalid fails the test with the file,
 * the line, the flag and the fix.
 *
 * <p>Holds the resource lock {@value FeatureFlags#LOCK} for writing; skipped, with the reason,
 * against a deployed environment or in a rolling update, whose services read their own files.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(StageFlagsExtension.class)
@ResourceLock(value = FeatureFlags.LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface WithStageFlags {}
