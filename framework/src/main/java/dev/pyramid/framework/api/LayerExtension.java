package dev.pyramid.framework.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension every layer annotation carries: a test belongs to exactly one layer (the gate
 * counts it under that layer, and the level profiles select it by that tag), and its layer is known
 * to other fixtures through {@link Layers#of(ExtensionContext)}.
 *
 * <p>Stateless; safe under parallel execution.
 */
final class LayerExtension implements BeforeAllCallback, BeforeEachCallback {
  static final Namespace NAMESPACE = Namespace.create(LayerExtension.class);
  private static final Map<Class<? extends Annotation>, String> LAYERS =
      Map.of(
          UnitTest.class,
          Layers.UNIT,
          ContractTest.class,
          Layers.CONTRACT,
          EndToEndTest.class,
          Layers.E2E,
          UiTest.class,
          Layers.UI);

  @Override
  public void beforeAll(ExtensionContext context) {
    record(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    record(context);
  }

  private static void record(ExtensionContext context) {
    Set<String> layers = new LinkedHashSet<>();
    context.getTestClass().ifPresent(type -> layers.addAll(layersOf(type)));
    context.getTestMethod().ifPresent(method -> layers.addAll(layersOf(method)));
    if (layers.size() > 1) {
      throw new ExtensionConfigurationException(
          context.getDisplayName()
              + " belongs to the layers "
              + String.join(" and ", layers)
              + "; a test belongs to exactly one, so that the gate counts it once."
              + " Fix: keep one of @UnitTest, @ContractTest, @EndToEndTest, @UiTest on the class and its methods.");
    }
    layers.stream()
        .findFirst()
        .ifPresent(layer -> context.getStore(NAMESPACE).put(Layers.class, layer));
  }

  static Set<String> layersOf(AnnotatedElement element) {
    Set<String> layers = new LinkedHashSet<>();
    LAYERS.forEach(
        (annotation, layer) -> {
          if (AnnotationSupport.isAnnotated(element, annotation)) {
            layers.add(layer);
          }
        });
    return layers;
  }

  static Optional<String> layerOf(ExtensionContext context) {
    return Optional.ofNullable(context.getStore(NAMESPACE).get(Layers.class, String.class));
  }
}
