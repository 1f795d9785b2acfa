package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.endpoints.EndpointRecorder;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The extension every layer annotation carries that makes the requests a test sends through {@link
 * ApiSpecs} count for its layer's endpoint coverage: while a class's setup or a test runs, its
 * thread belongs to the layer (see {@link EndpointRecorder}); after each, the layer's file is
 * written. Registered after {@link LayerExtension}, which names the layer. Safe under parallel
 * execution: JUnit runs a test's callbacks and body on one thread.
 */
final class EndpointCoverageExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private static final Namespace NAMESPACE = Namespace.create(EndpointCoverageExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    enter(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    enter(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    exit(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    exit(context);
  }

  private static void enter(ExtensionContext context) {
    Optional<String> layer = Layers.of(context);
    if (layer.isPresent()) {
      String before = EndpointRecorder.installed().enter(layer.get());
      context.getStore(NAMESPACE).put(Entered.class, new Entered(layer.get(), before));
    }
  }

  private static void exit(ExtensionContext context) {
    Entered entered = context.getStore(NAMESPACE).remove(Entered.class, Entered.class);
    if (entered != null) {
      EndpointRecorder.installed().exit(entered.layer(), entered.before());
      EndpointRecorder.installed().flush();
    }
  }

  /** The layer this context entered, and what its thread had before. */
  private record Entered(String layer, String before) {}
}
