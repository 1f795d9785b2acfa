package dev.pyramid.framework.api;

import io.qameta.allure.LabelAnnotation;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method as part of the e2e layer (end-to-end tests: journeys through the
 * running platform).
 *
 * <p>Carries the JUnit tag {@value Layers#E2E} that the {@code level=e2e} profile selects, the
 * Allure labels {@code layer}, {@code parentSuite} and {@code epic} (so that the report groups
 * suites and behaviors by layer first) set to {@code e2e}, and the layer's extension, which refuses
 * a test that also carries another layer. Usable inside your own meta-annotations (JUnit and Allure
 * both read them through meta-annotations) and inherited by subclasses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Tag(Layers.E2E)
@LabelAnnotation(name = Layers.LABEL, value = Layers.E2E)
@LabelAnnotation(name = Layers.GROUP_LABEL, value = Layers.E2E)
@LabelAnnotation(name = Layers.BEHAVIOR_LABEL, value = Layers.E2E)
@ExtendWith(LayerExtension.class)
@ExtendWith(FlagEvaluationsExtension.class)
@ExtendWith(EndpointCoverageExtension.class)
public @interface EndToEndTest {}
