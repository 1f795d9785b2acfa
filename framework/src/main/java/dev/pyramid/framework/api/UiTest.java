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
 * Marks a test class or method as part of the ui layer (the top of the pyramid: journeys through a
 * web front-end in a real browser, see {@link WithBrowser}).
 *
 * <p>Carries the JUnit tag {@value Layers#UI} that the {@code level=ui} profile selects, the Allure
 * labels {@code layer}, {@code parentSuite} and {@code epic} (so that the report groups suites and
 * behaviors by layer first) set to {@code ui}, and the layer's extension, which refuses a test that
 * also carries another layer. Usable inside your own meta-annotations (JUnit and Allure both read
 * them through meta-annotations) and inherited by subclasses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Tag(Layers.UI)
@LabelAnnotation(name = Layers.LABEL, value = Layers.UI)
@LabelAnnotation(name = Layers.GROUP_LABEL, value = Layers.UI)
@LabelAnnotation(name = Layers.BEHAVIOR_LABEL, value = Layers.UI)
@ExtendWith(LayerExtension.class)
@ExtendWith(FlagEvaluationsExtension.class)
@ExtendWith(EndpointCoverageExtension.class)
public @interface UiTest {}
